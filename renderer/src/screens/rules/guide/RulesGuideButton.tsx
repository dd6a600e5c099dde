import { BookOutlined, ExperimentOutlined } from '@ant-design/icons'
import { Button, Drawer, Empty, Flex, Spin, Typography } from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import ReactMarkdown, { type Components } from 'react-markdown'
import { useI18n, type Language } from '../../../i18n/index.tsx'
import { parseExample, type GuideExample } from './guide-examples.ts'

// The reps' guide, one file per language, loaded only when opened. It explains the constructs with examples to try;
// file formats and the command line are in docs/rules.md, which is for whoever sets the tool up.
const GUIDES = import.meta.glob<string>('./guide.*.md', { query: '?raw', import: 'default' })
const guideFile = (language: Language) => `./guide.${language}.md`

interface RulesGuideButtonProps {
  /** Puts an example in the editor and its tester; without it the examples are shown without the button. */
  onTry?: (example: GuideExample) => void
}

export function RulesGuideButton({ onTry }: RulesGuideButtonProps) {
  const { t, language } = useI18n()
  const [open, setOpen] = useState(false)
  const [texts, setTexts] = useState<Partial<Record<Language, string | null>>>({})
  const text = texts[language]

  useEffect(() => {
    if (!open || text !== undefined) return
    const load = GUIDES[guideFile(language)]
    if (!load) return setTexts((current) => ({ ...current, [language]: null }))
    void load().then(
      (loaded) => setTexts((current) => ({ ...current, [language]: loaded })),
      () => setTexts((current) => ({ ...current, [language]: null })),
    )
  }, [open, text, language])

  const components: Components = {
    // A ```try block is an example; any other code block shows as code.
    pre: ({ children }) => <>{children}</>,
    code: ({ className, children }) => {
      const source = String(children)
      if (className === 'language-try') {
        const example = parseExample(source)
        if (example)
          return (
            <TryExample
              example={example}
              onTry={
                onTry &&
                (() => {
                  onTry(example)
                  setOpen(false)
                })
              }
            />
          )
      }
      return className ? <pre className="guide-code">{source}</pre> : <Typography.Text code>{children}</Typography.Text>
    },
  }

  return (
    <>
      <Button icon={<BookOutlined />} onClick={() => setOpen(true)} data-testid="rules-guide">
        {t('rules.guide')}
      </Button>
      <Drawer title={t('rules.guide')} open={open} onClose={() => setOpen(false)} size={640} data-testid="rules-guide-drawer">
        {text === undefined ? (
          <Spin />
        ) : text === null ? (
          <Empty description={t('rules.guideMissing')} />
        ) : (
          <div className="guide-text">
            <ReactMarkdown components={components}>{text}</ReactMarkdown>
          </div>
        )}
      </Drawer>
    </>
  )
}

function TryExample({ example, onTry }: { example: GuideExample; onTry: (() => void) | undefined }): ReactNode {
  const { t } = useI18n()
  return (
    <Flex className="guide-example" gap={12} align="center" wrap data-testid="guide-example">
      <Flex vertical gap={4} className="guide-example-text">
        <Typography.Text code className="mono">
          {example.match}
        </Typography.Text>
        <Typography.Text type="secondary">{t('guide.message', { message: example.message })}</Typography.Text>
      </Flex>
      {onTry && (
        <Button size="small" type="primary" ghost icon={<ExperimentOutlined />} onClick={onTry} data-testid="guide-try">
          {t('guide.try')}
        </Button>
      )}
    </Flex>
  )
}

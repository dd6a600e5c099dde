import { BookOutlined } from '@ant-design/icons'
import { Button, Drawer, Empty, Spin } from 'antd'
import { useEffect, useState } from 'react'
import { useI18n, type Language } from '../../../i18n/index.tsx'
import { Markdown } from './Markdown.tsx'

// The guide is bundled from docs/rules.md (the same file the repository shows), loaded only when opened; the
// window works from file:// and offline, so it cannot link to a web page.
const GUIDE = import.meta.glob<string>('../../../../../docs/rules.md', { query: '?raw', import: 'default' })

const SECTION_HEADINGS: Record<Language, RegExp> = { 'zh-CN': /^## 中文\s*$/mu, en: /^## English\s*$/mu }

/** The guide holds both languages, each under its own heading: show the window's. */
function sectionFor(guide: string, language: Language): string {
  const starts = (Object.keys(SECTION_HEADINGS) as Language[]).map((lang) => ({ lang, at: guide.search(SECTION_HEADINGS[lang]) }))
  if (starts.some((start) => start.at < 0)) return guide
  const mine = starts.find((start) => start.lang === language)!.at
  const next = Math.min(...starts.map((start) => start.at).filter((at) => at > mine), guide.length)
  return guide.slice(mine, next)
}

export function RulesGuideButton() {
  const { t, language } = useI18n()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState<string | null | undefined>(undefined)

  useEffect(() => {
    if (!open || text !== undefined) return
    const load = Object.values(GUIDE)[0]
    if (!load) return setText(null)
    void load().then(setText, () => setText(null))
  }, [open, text])

  return (
    <>
      <Button icon={<BookOutlined />} onClick={() => setOpen(true)} data-testid="rules-guide">
        {t('rules.guide')}
      </Button>
      <Drawer title={t('rules.guide')} open={open} onClose={() => setOpen(false)} size={720}>
        {text === undefined ? <Spin /> : text === null ? <Empty description={t('rules.guideMissing')} /> : <Markdown source={sectionFor(text, language)} />}
      </Drawer>
    </>
  )
}

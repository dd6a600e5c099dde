import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Dropdown } from 'antd'
import { useState } from 'react'
import type { Rule } from '../../../../shared/rules/types.ts'
import { useT } from '../../i18n/index.tsx'
import { downloadRules } from './export-rules.ts'
import { RulesGuideButton } from './guide/RulesGuideButton.tsx'
import { ImportRulesModal } from './import/ImportRulesModal.tsx'

export function RulesToolbar({ saved, onNew }: { saved: readonly Rule[]; onNew: () => void }) {
  const t = useT()
  const [importing, setImporting] = useState(false)
  return (
    <div className="toolbar">
      <Button type="primary" icon={<PlusOutlined />} onClick={onNew} data-testid="rules-new">
        {t('rules.new')}
      </Button>
      <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="rules-import">
        {t('rules.import')}
      </Button>
      <Dropdown
        disabled={saved.length === 0}
        menu={{
          items: [
            { key: 'json', label: t('rules.exportJson') },
            { key: 'yaml', label: t('rules.exportYaml') },
          ],
          onClick: ({ key }) => downloadRules(saved, key as 'json' | 'yaml'),
        }}
      >
        <Button icon={<DownloadOutlined />}>{t('rules.export')}</Button>
      </Dropdown>
      <span className="toolbar-spacer" />
      <span className="muted">{t('rules.dragHint')}</span>
      <RulesGuideButton />
      {importing && <ImportRulesModal saved={saved} onClose={() => setImporting(false)} />}
    </div>
  )
}

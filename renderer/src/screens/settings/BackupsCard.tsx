import { CloudDownloadOutlined, DatabaseOutlined, ImportOutlined } from '@ant-design/icons'
import { Button, Card, Popconfirm, Space, Table, Upload } from 'antd'
import type { BackupView } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import type { ApiError } from '../../api/errors.ts'
import { useLiveResource } from '../../api/useLiveResource.ts'
import { useCommand } from '../../components/useCommand.ts'
import { useFormat } from '../../i18n/format.ts'
import { useT } from '../../i18n/index.tsx'
import type { MessageKey } from '../../i18n/zh-CN.ts'

const BACKUP_CODES = new Set(['backup_missing', 'backup_not_sqlite', 'backup_not_qunguard', 'backup_newer_version', 'backup_corrupt', 'backup_bad_name', 'service_running'])

/** Saves the export as a file through the browser's download (the same in Electron and in a browser). */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  URL.revokeObjectURL(url)
}

/** The daily backups (restore one) and the export file (save everything, or load it into this install). */
export function BackupsCard() {
  const t = useT()
  const api = useApi()
  const format = useFormat()
  const backups = useLiveResource(() => api.listBackups({}), (current) => current)
  const describeError = (error: ApiError) => {
    const details = error.details as { code?: string; params?: Record<string, string | number> } | undefined
    return details?.code && BACKUP_CODES.has(details.code) ? t(`backups.error.${details.code}` as MessageKey, details.params) : null
  }
  const backupNow = useCommand(() => api.backupNow({}), { onDone: backups.set, success: t('backups.done'), describeError })
  const restore = useCommand((name: string) => api.restoreBackup({ name }), { success: t('backups.restoreStaged'), describeError })
  const exportAll = useCommand(async () => {
    const file = await api.exportData({})
    download(`qunguard-export-${new Date(file.exportedAt).toISOString().slice(0, 10)}.json`, JSON.stringify(file))
  })
  const importFile = useCommand(
    async (text: string) => {
      let file: unknown
      try {
        file = JSON.parse(text)
      } catch {
        file = text
      }
      return api.importData({ file })
    },
    { success: t('backups.imported') },
  )

  return (
    <Card
      size="small"
      title={t('backups.title')}
      extra={<span className="muted">{t('backups.help')}</span>}
      data-testid="backups"
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DatabaseOutlined />} loading={backupNow.busy} onClick={() => void backupNow.run()}>
          {t('backups.now')}
        </Button>
        <Button icon={<CloudDownloadOutlined />} loading={exportAll.busy} onClick={() => void exportAll.run()} title={t('backups.exportHelp')}>
          {t('backups.export')}
        </Button>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((text) => importFile.run(text))
            return false
          }}
        >
          <Button icon={<ImportOutlined />} loading={importFile.busy}>
            {t('backups.import')}
          </Button>
        </Upload>
      </Space>
      <Table<BackupView>
        size="small"
        rowKey="name"
        loading={backups.loading && !backups.data}
        dataSource={backups.data ?? []}
        locale={{ emptyText: t('backups.empty') }}
        pagination={false}
        columns={[
          { title: t('backups.day'), dataIndex: 'day', width: 140 },
          { title: t('backups.takenAt'), dataIndex: 'at', render: (at: number) => format.dateTime(at) },
          { title: t('backups.size'), dataIndex: 'bytes', width: 120, render: (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB` },
          {
            key: 'restore',
            width: 100,
            render: (_, backup) => (
              <Popconfirm title={t('backups.restoreConfirm', { day: backup.day })} onConfirm={() => void restore.run(backup.name)}>
                <Button size="small" loading={restore.busy}>
                  {t('backups.restore')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  )
}

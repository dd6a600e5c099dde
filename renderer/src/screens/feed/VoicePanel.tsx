import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons'
import { Alert, Button, Space, Tag, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import type { FeedEvent, VoiceEventDetail } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'

/** What a feed card shows of a voice message: that it was voice, a play button, and why it has no transcript. */
export function VoicePanel({ event }: { event: FeedEvent }) {
  const t = useT()
  const voice = event.detail.voice as VoiceEventDetail | undefined
  if (!voice) return null
  const seconds = voice.durationMs === null ? null : Math.max(1, Math.round(voice.durationMs / 1000))
  return (
    <div className="feed-voice" data-testid="feed-voice">
      <Space size={8} wrap>
        <Tag color="geekblue">{t('voice.tag')}</Tag>
        {voice.hasAudio ? <PlayButton messageId={voice.messageId} /> : <Typography.Text type="secondary">{t('voice.noAudio')}</Typography.Text>}
        {seconds !== null && <Typography.Text type="secondary">{t('voice.seconds', { seconds })}</Typography.Text>}
      </Space>
      {event.kind === 'voice_untranscribed' && <Untranscribed voice={voice} />}
    </div>
  )
}

function Untranscribed({ voice }: { voice: VoiceEventDetail }) {
  const t = useT()
  if (voice.transcribed) return <Typography.Text type="secondary" className="feed-detail">{t('voice.transcribedLater')}</Typography.Text>
  if (!voice.reason) return null
  const reason = t(`voice.reason.${voice.reason}`) + (typeof voice.errNo === 'number' ? t('voice.errNo', { errNo: voice.errNo }) : '')
  const keys = voice.reason === 'no-keys' || voice.reason === 'bad-keys'
  return (
    <Alert
      type={voice.retrying ? 'info' : 'warning'}
      showIcon
      className="feed-todo"
      data-testid="voice-reason"
      title={t('voice.notTranscribed', { reason })}
      description={
        <Space size={8} wrap>
          <span>{voice.retrying ? t('voice.retrying') : t('voice.handByHand')}</span>
          {keys && <a href="#/settings" data-testid="voice-open-settings">{t('voice.openSettings')}</a>}
        </Space>
      }
    />
  )
}

/** Fetches the recording on first play and keeps it for the card's life. */
function PlayButton({ messageId }: { messageId: string }) {
  const t = useT()
  const api = useApi()
  const audio = useRef<HTMLAudioElement | null>(null)
  const [playing, setPlaying] = useState(false)
  const load = useCommand(() => api.getVoiceAudio({ messageId }))

  useEffect(
    () => () => {
      audio.current?.pause()
      if (audio.current) URL.revokeObjectURL(audio.current.src)
    },
    [],
  )

  async function toggle(): Promise<void> {
    if (playing && audio.current) {
      audio.current.pause()
      return
    }
    if (!audio.current) {
      const result = await load.run()
      if (!result) return
      const bytes = Uint8Array.from(atob(result.wavBase64), (char) => char.charCodeAt(0))
      const player = new Audio(URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' })))
      player.onplay = () => setPlaying(true)
      player.onpause = player.onended = () => setPlaying(false)
      audio.current = player
    }
    await audio.current.play().catch(() => setPlaying(false))
  }

  return (
    <Button size="small" icon={playing ? <PauseCircleOutlined /> : <PlayCircleOutlined />} loading={load.busy} onClick={() => void toggle()} data-testid="voice-play">
      {playing ? t('voice.stop') : t('voice.play')}
    </Button>
  )
}

import { App } from 'antd'
import { useCallback, useRef, useState } from 'react'
import { toApiError, type ApiError } from '../api/errors.ts'
import { useT } from '../i18n/index.tsx'

interface CommandOptions<R> {
  onDone?: (result: R) => void
  /** Shown after success. */
  success?: string
  /** The rep's words for a failure whose details carry a code the screen knows; null falls back to the server's. */
  describeError?: (error: ApiError) => string | null
}

/**
 * Runs one command at a time with a busy flag; a failure is shown to the rep in the server's own words, and the
 * screen stays as it was (the service changed nothing).
 */
export function useCommand<A extends unknown[], R>(command: (...args: A) => Promise<R>, options: CommandOptions<R> = {}) {
  const t = useT()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const latest = useRef({ command, options })
  latest.current = { command, options }

  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setBusy(true)
      setError(null)
      try {
        const result = await latest.current.command(...args)
        latest.current.options.onDone?.(result)
        if (latest.current.options.success) void message.success(latest.current.options.success)
        return result
      } catch (reason) {
        const failure = toApiError(reason)
        setError(failure)
        const described = latest.current.options.describeError?.(failure) ?? null
        void message.error(described ?? t('error.command', { code: t(`error.code.${failure.code}`), message: failure.message }))
        return undefined
      } finally {
        setBusy(false)
      }
    },
    [message, t],
  )
  return { run, busy, error }
}

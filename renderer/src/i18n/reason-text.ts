// Why an action failed, in the window's language: events carry a reason code and parameters from the main process.
import { actionReasonText, isActionReasonCode } from '../../../shared/outcomes/action-reasons.ts'
import { useI18n } from './index.tsx'

/** The reason of an event's detail in the window's language; the stored Chinese text for old events without a code. */
export function useReasonText(): (detail: Record<string, unknown>) => string | null {
  const { language } = useI18n()
  return (detail) => {
    if (isActionReasonCode(detail.reasonCode)) {
      const params = (detail.reasonParams ?? {}) as Record<string, string>
      return actionReasonText({ code: detail.reasonCode, params }, language)
    }
    return typeof detail.reason === 'string' && detail.reason.trim() !== '' ? detail.reason : null
  }
}

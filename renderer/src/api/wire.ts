import type { WireResult } from '../../../shared/api/http.ts'
import { ApiError } from './errors.ts'

/** Both doors answer with a WireResult: the result, or the service's error in its own words. */
export function unwrap<T>(answer: WireResult<T>): T {
  if (answer.ok) return answer.result
  throw new ApiError(answer.error.code, answer.error.message, answer.error.details)
}

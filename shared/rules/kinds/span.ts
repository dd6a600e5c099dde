/** A half-open UTF-16 range of the original message text. */
export interface Span {
  start: number
  end: number
}

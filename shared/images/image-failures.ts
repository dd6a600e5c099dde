// Why an image could not be read: the codes the main process records (electron/images) and the window says in the
// rep's language.
export const IMAGE_FAILURE_CODES = [
  'image-too-large',
  'image-too-many-pixels',
  'image-unreadable',
  'image-timeout',
  'image-decoder-crashed',
  /** Baidu's OCR failed; the event's detail.baidu holds the Baidu client's failure code (no-keys, busy...). */
  'image-text-failed',
] as const
export type ImageFailureCode = (typeof IMAGE_FAILURE_CODES)[number]

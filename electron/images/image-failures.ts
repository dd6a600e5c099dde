// Why an image could not be read. The code goes into the event the rep sees (in their language); the detail is for
// the log and never holds the image.
import type { ImageFailureCode } from '../../shared/images/image-failures.ts'

export type { ImageFailureCode }

export class ImageError extends Error {
  constructor(
    readonly code: ImageFailureCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`)
    this.name = 'ImageError'
  }
}

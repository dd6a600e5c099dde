// Optional text recognition in images through Baidu's general OCR (/rest/2.0/ocr/v1/general_basic), on the shared
// Baidu client (electron/baidu: the speech keys, token cache, deadlines, retries, circuit breaker, coded failures).
// Off by default (setting imageTextRecognition): it sends the photo to Baidu. The photo is scaled to at most 2048 px
// and sent as JPEG, well inside the service's limits (4 MB of base64, 4096 px a side).
import sharp from 'sharp'
import type { BaiduCall, BaiduClient, ServiceAnswer } from '../baidu/index.ts'
import { DEFAULT_IMAGE_LIMITS, type ImageLimits } from './decode-qr.ts'
import { ImageError } from './image-failures.ts'
import { errorText } from '../../shared/text/error-text.ts'

export const GENERAL_OCR_PATH = '/rest/2.0/ocr/v1/general_basic'
const LONGEST_SIDE = 2048

/** Baidu OCR's error codes, by what they mean for us (its documentation's list of error_code values). */
const AUTH_ERRORS = new Set([100, 110, 111])
const BUSY_ERRORS = new Set([4, 17, 18, 19, 282000])
const UNUSABLE_IMAGE_ERRORS = new Set([216200, 216201, 216202, 216630, 282810])

function interpret(answer: unknown): ServiceAnswer<string[]> {
  const body = (answer ?? {}) as { error_code?: unknown; error_msg?: unknown; words_result?: unknown }
  if (typeof body.error_code === 'number') {
    const errNo = body.error_code
    const message = typeof body.error_msg === 'string' ? body.error_msg : 'error'
    const kind = AUTH_ERRORS.has(errNo) ? 'auth' : BUSY_ERRORS.has(errNo) ? 'busy' : UNUSABLE_IMAGE_ERRORS.has(errNo) ? 'unusable-input' : 'bad-request'
    return { ok: false, kind, errNo, message }
  }
  if (!Array.isArray(body.words_result)) return { ok: false, kind: 'bad-request', errNo: null, message: 'no words_result in the answer' }
  const lines = body.words_result.map((line: { words?: unknown }) => (typeof line?.words === 'string' ? line.words : '')).filter((words) => words !== '')
  return { ok: true, value: lines }
}

export function generalOcrCall(jpeg: Uint8Array): BaiduCall<string[]> {
  const body = new URLSearchParams({ image: Buffer.from(jpeg).toString('base64') }).toString()
  return {
    request: (token, baseUrl) => ({ url: `${baseUrl}${GENERAL_OCR_PATH}?access_token=${encodeURIComponent(token)}`, contentType: 'application/x-www-form-urlencoded', body }),
    interpret,
  }
}

export interface ImageTextReader {
  /** The lines of text Baidu reads in the image; rejects with ImageError (unreadable image) or BaiduError. */
  read(bytes: Uint8Array): Promise<string[]>
}

export function createImageTextReader(client: BaiduClient, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): ImageTextReader {
  return {
    async read(bytes) {
      if (bytes.byteLength > limits.maxBytes) throw new ImageError('image-too-large', `${bytes.byteLength} bytes, more than ${limits.maxBytes}`)
      let jpeg: Buffer
      try {
        jpeg = await sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error' })
          .rotate()
          .resize({ width: LONGEST_SIDE, height: LONGEST_SIDE, fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: 85 })
          .toBuffer()
      } catch (error) {
        const message = errorText(error)
        throw new ImageError(/pixel limit/iu.test(message) ? 'image-too-many-pixels' : 'image-unreadable', message)
      }
      return client.call(generalOcrCall(jpeg))
    },
  }
}

// Images: QR codes read locally (zxing-wasm on sharp's pixels, in a worker thread).
export { createQrReader, type QrReader, type QrReaderOptions } from './qr-reader.ts'
export { decodeQrCodes, DEFAULT_IMAGE_LIMITS, type ImageLimits, type QrCodeFound } from './decode-qr.ts'
export { ImageError, type ImageFailureCode } from './image-failures.ts'
export { createImageTextReader, generalOcrCall, GENERAL_OCR_PATH, type ImageTextReader } from './image-text.ts'

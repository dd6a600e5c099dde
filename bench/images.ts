// The images part of the bench: reading QR codes in 1280 px phone photos (JPEG, the code at different places and
// sizes, some rotated or inverted, some photos with none), through the worker the guard uses and, as the baseline in
// the same run, the same decoder called on this thread; and sharp alone (decode and scale, no QR search), the share
// of the time that is not zxing's.
import sharp from 'sharp'
import { createQrReader, decodeQrCodes } from '../electron/images/index.ts'
import { photoWithoutQr, photoWithQr } from '../test/fakes/photos.ts'

const PHOTOS = 24
const PASSES = 3

async function photos(): Promise<{ bytes: Buffer; text: string | null }[]> {
  const made: { bytes: Buffer; text: string | null }[] = []
  for (let k = 0; k < PHOTOS; k++) {
    if (k % 6 === 5) {
      made.push({ bytes: await photoWithoutQr(1280, 960), text: null })
      continue
    }
    const text = `https://weixin.qq.com/g/bench${k}`
    const side = 120 + (k % 4) * 60
    const bytes = await photoWithQr({
      text,
      width: 1280,
      height: 960,
      codeSide: side,
      at: { left: (k * 97) % (1280 - side - 60), top: (k * 53) % (960 - side - 60) },
      rotateDegrees: k % 3 === 1 ? 25 : 0,
      inverted: k % 4 === 2,
      format: 'jpeg',
      jpegQuality: 70 + (k % 3) * 10,
    })
    made.push({ bytes, text })
  }
  return made
}

/** Median over passes of the mean milliseconds per photo. */
async function perPhoto(photos: readonly { bytes: Buffer }[], read: (bytes: Buffer) => Promise<unknown>): Promise<number> {
  await read(photos[0]!.bytes)
  const means: number[] = []
  for (let pass = 0; pass < PASSES; pass++) {
    const started = process.hrtime.bigint()
    for (const photo of photos) await read(photo.bytes)
    means.push(Number(process.hrtime.bigint() - started) / 1e6 / photos.length)
  }
  return means.sort((a, b) => a - b)[Math.floor(PASSES / 2)]!
}

export async function runImagesBench(log: (line: string) => void): Promise<Record<string, unknown>> {
  const made = await photos()
  const withCode = made.filter((photo) => photo.text !== null).length
  log(`images bench: ${made.length} JPEG photos of 1280×960 (${withCode} with a QR code, ${made.length - withCode} without), ${PASSES} passes`)

  const reader = createQrReader()
  let found = 0
  for (const photo of made) {
    const texts = (await reader.read(photo.bytes)).map((code) => code.text)
    if (photo.text !== null && texts.includes(photo.text)) found++
  }
  const workerMs = await perPhoto(made, (bytes) => reader.read(bytes))
  await reader.close()
  const inlineMs = await perPhoto(made, (bytes) => decodeQrCodes(bytes))
  const sharpMs = await perPhoto(made, (bytes) => sharp(bytes).rotate().resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true }).ensureAlpha().raw().toBuffer())

  log('')
  log(`${'reader'.padEnd(40)}${'ms / photo'.padStart(12)}`)
  log(`${'worker thread (what the guard uses)'.padEnd(40)}${workerMs.toFixed(1).padStart(12)}`)
  log(`${'same decoder on this thread'.padEnd(40)}${inlineMs.toFixed(1).padStart(12)}`)
  log(`${'sharp alone: decode and scale'.padEnd(40)}${sharpMs.toFixed(1).padStart(12)}`)
  log('')
  log(`worker / this thread: ${(workerMs / inlineMs).toFixed(2)}x: what moving the decoder off the message thread costs (below 1: nothing; its own isolate runs it faster)`)
  log(`QR search share of the time: ${(100 * (1 - sharpMs / inlineMs)).toFixed(0)}%`)
  log(`check: found ${found} of ${withCode} codes`)
  return {
    photos: made.length,
    withCode,
    found,
    workerMsPerPhoto: Math.round(workerMs * 10) / 10,
    inlineMsPerPhoto: Math.round(inlineMs * 10) / 10,
    sharpOnlyMsPerPhoto: Math.round(sharpMs * 10) / 10,
    ratios: { workerOverInline: Math.round((workerMs / inlineMs) * 100) / 100 },
  }
}

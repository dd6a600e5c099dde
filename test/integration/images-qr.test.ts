// QR codes in photos through the real decoder (sharp + zxing-wasm) in its worker thread.
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { createQrReader, ImageError } from '../../electron/images/index.ts'
import { photoWithoutQr, photoWithQr } from '../fakes/photos.ts'

const reader = createQrReader()
afterAll(() => reader.close())

const textsIn = async (bytes: Uint8Array) => (await reader.read(bytes)).map((code) => code.text)

async function failureOf(promise: Promise<unknown>): Promise<ImageError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ImageError)
    return error as ImageError
  }
  throw new Error('expected the image to be refused')
}

describe('QR codes in photos', () => {
  it('a plain code in a PNG photo', async () => {
    expect(await textsIn(await photoWithQr({ text: 'https://weixin.qq.com/g/AbC123' }))).toEqual(['https://weixin.qq.com/g/AbC123'])
  })

  it('a small code in a corner of a big photo', async () => {
    const photo = await photoWithQr({ text: 'https://u.wechat.com/EFgh456', width: 4000, height: 3000, codeSide: 150, at: { left: 40, top: 40 }, format: 'jpeg' })
    expect(await textsIn(photo)).toEqual(['https://u.wechat.com/EFgh456'])
  })

  it('a rotated code', async () => {
    expect(await textsIn(await photoWithQr({ text: '加我领红包', rotateDegrees: 33 }))).toEqual(['加我领红包'])
  })

  it('an inverted code (light on dark), and says so', async () => {
    const codes = await reader.read(await photoWithQr({ text: 'https://example.top/x', inverted: true }))
    expect(codes).toEqual([{ text: 'https://example.top/x', inverted: true }])
  })

  it('a JPEG-compressed code', async () => {
    expect(await textsIn(await photoWithQr({ text: 'taobao.com/item/1', format: 'jpeg', jpegQuality: 35, codeSide: 200 }))).toEqual(['taobao.com/item/1'])
  })

  it('a photo with no code: an empty list', async () => {
    expect(await textsIn(await photoWithoutQr())).toEqual([])
  })

  it('orientation from EXIF is applied before reading', async () => {
    const upright = await photoWithQr({ text: 'exif-rotated', format: 'jpeg' })
    const tagged = await sharp(upright).rotate(90).withMetadata({ orientation: 8 }).jpeg().toBuffer()
    expect(await textsIn(tagged)).toEqual(['exif-rotated'])
  })
})

describe('refused and unreadable images are errors with a code, never a crash', () => {
  it('too many bytes', async () => {
    const small = createQrReader({ limits: { maxBytes: 1000, maxPixels: 40_000_000 } })
    try {
      expect((await failureOf(small.read(await photoWithoutQr()))).code).toBe('image-too-large')
    } finally {
      await small.close()
    }
  })

  it('too many pixels', async () => {
    const strict = createQrReader({ limits: { maxBytes: 20 * 1024 * 1024, maxPixels: 100_000 } })
    try {
      expect((await failureOf(strict.read(await photoWithoutQr(1000, 800)))).code).toBe('image-too-many-pixels')
    } finally {
      await strict.close()
    }
  })

  it('not an image, or a truncated one', async () => {
    expect((await failureOf(reader.read(new TextEncoder().encode('not an image at all')))).code).toBe('image-unreadable')
    const photo = await photoWithQr({ text: 'x', format: 'jpeg' })
    expect((await failureOf(reader.read(photo.subarray(0, 200)))).code).toBe('image-unreadable')
    // The reader still works after them.
    expect(await textsIn(await photoWithQr({ text: 'still here' }))).toEqual(['still here'])
  })

  it('an image that takes longer than the time limit is given up on, and so is each after it, without waiting', async () => {
    const hurried = createQrReader({ timeoutMs: 1 })
    try {
      const photo = await photoWithQr({ text: 'slow', width: 3000, height: 2000 })
      const [first, second] = await Promise.all([failureOf(hurried.read(photo)), failureOf(hurried.read(photo))])
      expect([first.code, second.code]).toEqual(['image-timeout', 'image-timeout'])
    } finally {
      await hurried.close()
    }
  })
})

describe('the caller keeps its bytes', () => {
  it('a Buffer handed to the reader is still whole after it was read', async () => {
    const photo = await photoWithQr({ text: 'mine' })
    const copy = Buffer.from(photo)
    expect(await textsIn(photo)).toEqual(['mine'])
    expect(photo.equals(copy)).toBe(true)
  })
})

describe('hostile bytes', () => {
  it('random bytes, and image headers followed by garbage, are refused with a code or read, never a crash', async () => {
    const { default: fc } = await import('fast-check')
    const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
    const JPEG = [0xff, 0xd8, 0xff, 0xe0]
    await fc.assert(
      fc.asyncProperty(fc.constantFrom([], PNG, JPEG), fc.uint8Array({ maxLength: 2000 }), async (header, rest) => {
        const bytes = Uint8Array.from([...header, ...rest])
        const outcome = await reader.read(bytes).then(
          (codes) => codes,
          (error: unknown) => error,
        )
        if (!Array.isArray(outcome)) expect(outcome).toBeInstanceOf(ImageError)
      }),
      { numRuns: 40 },
    )
  })
})

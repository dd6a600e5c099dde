// Finds the QR codes in a photo: sharp reads it (PNG, JPEG, WebP...; EXIF orientation applied) and scales it to at
// most 1600 px, zxing-wasm looks for codes in both polarities (posters print them inverted) and any rotation. When a
// big photo shows none, its tiles are searched at up to twice that size, so a small code in a corner is not scaled
// into a blur. The WebAssembly binary is read from node_modules: left to itself, zxing-wasm fetches it from a CDN.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import sharp from 'sharp'
import type { Region, Sharp } from 'sharp'
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader'
import { ImageError } from './image-failures.ts'
import { errorText } from '../../shared/text/error-text.ts'

export interface ImageLimits {
  /** Refused above this many bytes. */
  maxBytes: number
  /** Refused above this many pixels (width × height), before any is decoded. */
  maxPixels: number
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = { maxBytes: 20 * 1024 * 1024, maxPixels: 40_000_000 }

export interface QrCodeFound {
  text: string
  inverted: boolean
}

const FIRST_PASS_SIDE = 1600
const TILE_PASS_SIDE = 3200
const READER: ReaderOptions = {
  formats: ['QRCode', 'MicroQRCode'],
  tryHarder: true,
  tryInvert: true,
  tryRotate: true,
  tryDownscale: true,
  maxNumberOfSymbols: 8,
}

let ready: Promise<unknown> | null = null

function prepareReader(): Promise<unknown> {
  if (!ready) {
    // In the desktop bundle (CommonJS) import.meta.url is undefined and __filename is the bundle.
    const here = typeof import.meta.url === 'string' ? import.meta.url : __filename
    const wasmPath = createRequire(here).resolve('zxing-wasm/reader/zxing_reader.wasm')
    ready = readFile(wasmPath).then((binary) =>
      prepareZXingModule({
        // locateFile is still asked for a path; the local one, so nothing is ever fetched.
        overrides: { wasmBinary: binary.buffer.slice(binary.byteOffset, binary.byteOffset + binary.byteLength) as ArrayBuffer, locateFile: () => wasmPath },
        fireImmediately: true,
      }),
    )
  }
  return ready
}

interface Pixels {
  data: Buffer
  width: number
  height: number
}

async function pixelsOf(image: Sharp, side: number, region?: Region): Promise<Pixels> {
  let pipeline = image.clone()
  if (region) pipeline = pipeline.extract(region)
  const { data, info } = await pipeline
    .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

async function codesIn(pixels: Pixels): Promise<QrCodeFound[]> {
  const imageData = { data: new Uint8ClampedArray(pixels.data.buffer, pixels.data.byteOffset, pixels.data.length), width: pixels.width, height: pixels.height }
  const results = await readBarcodes(imageData as unknown as Parameters<typeof readBarcodes>[0], READER)
  return results.filter((result) => result.isValid && result.text !== '').map((result) => ({ text: result.text, inverted: result.isInverted }))
}

/** Overlapping tiles (a third of each side overlaps) covering a width × height image, each at most `side` square. */
function tilesOf(width: number, height: number, side: number): Region[] {
  const tiles: Region[] = []
  const step = Math.floor((side * 2) / 3)
  for (let top = 0; top < height; top += step) {
    for (let left = 0; left < width; left += step) {
      tiles.push({ left, top, width: Math.min(side, width - left), height: Math.min(side, height - top) })
      if (left + side >= width) break
    }
    if (top + side >= height) break
  }
  return tiles
}

/** Every distinct QR code in the image; throws ImageError when it is refused or unreadable. */
export async function decodeQrCodes(bytes: Uint8Array, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Promise<QrCodeFound[]> {
  if (bytes.byteLength > limits.maxBytes) throw new ImageError('image-too-large', `${bytes.byteLength} bytes, more than ${limits.maxBytes}`)
  await prepareReader()
  let image: Sharp
  let width: number
  let height: number
  try {
    // Orientation first, so width and height are the picture's own; limitInputPixels refuses before decoding.
    const oriented = await sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error' }).rotate().toBuffer({ resolveWithObject: true })
    image = sharp(oriented.data, { limitInputPixels: limits.maxPixels })
    width = oriented.info.width
    height = oriented.info.height
  } catch (error) {
    const message = errorText(error)
    if (/pixel limit/iu.test(message)) throw new ImageError('image-too-many-pixels', message)
    throw new ImageError('image-unreadable', message)
  }

  const found = await codesIn(await pixelsOf(image, FIRST_PASS_SIDE))
  if (found.length === 0 && Math.max(width, height) > FIRST_PASS_SIDE) {
    // Tiles of the photo scaled to at most TILE_PASS_SIDE, each read at (at most) first-pass size.
    const scale = Math.min(1, TILE_PASS_SIDE / Math.max(width, height))
    const scaled = sharp(await image.clone().resize({ width: Math.round(width * scale), height: Math.round(height * scale), fit: 'fill' }).toBuffer())
    for (const tile of tilesOf(Math.round(width * scale), Math.round(height * scale), FIRST_PASS_SIDE)) {
      found.push(...(await codesIn(await pixelsOf(scaled, FIRST_PASS_SIDE, tile))))
    }
  }
  const seen = new Set<string>()
  return found.filter((code) => !seen.has(code.text) && seen.add(code.text))
}

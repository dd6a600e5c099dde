// Photos with QR codes in them, made on the spot: a QR code from the `qrcode` package placed on a busy background
// (gradients, blobs and grain, like a phone photo of a poster), optionally small, rotated, inverted and JPEG-compressed.
import QRCode from 'qrcode'
import sharp from 'sharp'

export interface PhotoOptions {
  text: string
  width?: number
  height?: number
  /** The code's side in pixels. */
  codeSide?: number
  /** Where its top-left corner goes; by default the bottom-right corner, a little inset. */
  at?: { left: number; top: number }
  rotateDegrees?: number
  inverted?: boolean
  format?: 'png' | 'jpeg'
  jpegQuality?: number
}

/** Smooth colour gradients with blobs, drawn small and scaled up, then fine grain at full size: deterministic. */
async function background(width: number, height: number): Promise<Buffer> {
  let seed = 12345
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 0x100000000)
  const w = Math.max(8, Math.ceil(width / 8))
  const h = Math.max(8, Math.ceil(height / 8))
  const small = Buffer.alloc(w * h * 3)
  const blobs = Array.from({ length: 12 }, () => ({ x: random() * w, y: random() * h, r: 5 + random() * w * 0.2, c: [random() * 255, random() * 255, random() * 255] }))
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let rgb = [(x / w) * 180 + 40, (y / h) * 160 + 50, 200 - (x / w) * 120]
      for (const blob of blobs) if (Math.hypot(x - blob.x, y - blob.y) < blob.r) rgb = rgb.map((v, k) => v * 0.4 + blob.c[k]! * 0.6)
      for (let k = 0; k < 3; k++) small[(y * w + x) * 3 + k] = rgb[k]!
    }
  }
  const pixels = await sharp(small, { raw: { width: w, height: h, channels: 3 } }).resize(width, height, { fit: 'fill' }).raw().toBuffer()
  for (let o = 0; o < pixels.length; o++) pixels[o] = Math.max(0, Math.min(255, pixels[o]! + ((random() * 30) | 0) - 15))
  return pixels
}

export async function photoWithQr(options: PhotoOptions): Promise<Buffer> {
  const width = options.width ?? 1280
  const height = options.height ?? 960
  const side = options.codeSide ?? 240
  const dark = options.inverted ? '#ffffffff' : '#000000ff'
  const light = options.inverted ? '#000000ff' : '#ffffffff'
  let code = await QRCode.toBuffer(options.text, { width: side, margin: 2, color: { dark, light } })
  if (options.rotateDegrees) code = await sharp(code).rotate(options.rotateDegrees, { background: light }).toBuffer()
  const { width: codeWidth = side, height: codeHeight = side } = await sharp(code).metadata()
  const at = options.at ?? { left: width - codeWidth - 30, top: height - codeHeight - 30 }
  const photo = sharp(await background(width, height), { raw: { width, height, channels: 3 } }).composite([{ input: code, left: at.left, top: at.top }])
  return options.format === 'jpeg' ? photo.jpeg({ quality: options.jpegQuality ?? 80 }).toBuffer() : photo.png().toBuffer()
}

/** The same busy background with no code in it. */
export async function photoWithoutQr(width = 1280, height = 960): Promise<Buffer> {
  return sharp(await background(width, height), { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer()
}

import QRCode from 'qrcode'
import { useEffect, useRef } from 'react'

/** Drawn here, never by a web service: the code logs the account in, so it must not leave the machine. */
export function QrCanvas({ value, size = 232 }: { value: string; size?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    if (canvas.current) void QRCode.toCanvas(canvas.current, value, { width: size, margin: 1, errorCorrectionLevel: 'M' })
  }, [value, size])
  return <canvas ref={canvas} className="qr-canvas" data-testid="login-qr" width={size} height={size} />
}

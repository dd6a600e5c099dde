// The window's Content-Security-Policy, the same in Electron and in the browser: only our own scripts, no eval, no
// remote content. Ant Design injects its CSS at run time, hence inline styles; QR codes are drawn to data: images.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // Voice messages play from a blob of their WAV.
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

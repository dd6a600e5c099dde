// Serves the built window (renderer/dist) to the browser, with the same strict Content-Security-Policy the
// Electron window gets.
import { createReadStream, existsSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../shared/api/csp.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.md': 'text/markdown; charset=utf-8',
}

const PLACEHOLDER = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>QunGuard 群卫</title>
<body><h1>QunGuard 群卫</h1><p>The window has not been built yet: run <code>npm run build:renderer</code>.</p></body></html>`

export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  let relative: string
  try {
    relative = normalize(decodeURIComponent(urlPath.split('?')[0]!)).replace(/^([/\\])+/, '')
  } catch {
    res.writeHead(400).end('bad path')
    return
  }
  let file = join(root, relative)
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(403).end('forbidden')
    return
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
  if (!existsSync(file)) {
    res.writeHead(200, { 'Content-Type': TYPES['.html'] }).end(PLACEHOLDER)
    return
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': file.endsWith('index.html') ? 'no-cache' : 'max-age=3600',
  })
  createReadStream(file).pipe(res)
}

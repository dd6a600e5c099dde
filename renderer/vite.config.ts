import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from '../shared/api/csp.ts'

const root = fileURLToPath(new URL('.', import.meta.url))
// `npm run dev:renderer` serves the window with hot reload and passes /api to a running `npm run serve`.
const server = process.env.QUNGUARD_SERVER ?? 'http://127.0.0.1:4780'

/**
 * The built window carries the same CSP the server and Electron send as a header, as a <meta> too, so it holds
 * wherever the files are opened from. Build only: the dev server's hot reload needs an inline script.
 * (frame-ancestors has no effect in a <meta>; the header carries it.)
 */
function contentSecurityPolicy(): Plugin {
  const content = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ')
  return {
    name: 'qunguard-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content }, injectTo: 'head-prepend' }],
  }
}

export default defineConfig({
  root,
  // Relative asset paths: Electron loads the built window from file://, the headless server from http://.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The rule engine's dictionaries (traditional->simplified, pinyin) are large by nature; they load with the first
    // screen that needs them, not with the shell.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': {
        target: server,
        ws: true,
        changeOrigin: true,
        // The server refuses other origins (a web page the rep visits must not reach it): present its own.
        configure: (proxy) => {
          proxy.on('proxyReq', (request) => request.setHeader('origin', server))
          proxy.on('proxyReqWs', (request) => request.setHeader('origin', server))
        },
      },
    },
  },
})

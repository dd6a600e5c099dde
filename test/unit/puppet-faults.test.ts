// Which uncaught errors are a puppet's: only those thrown from code inside puppet packages.
import { describe, expect, it } from 'vitest'
import { isPuppetFault } from '../../electron/wechat/puppet-faults.ts'

function thrownAt(...frames: string[]): Error {
  const error = new TypeError('this.listener.onError is not a function')
  error.stack = [`${error.name}: ${error.message}`, ...frames.map((frame) => `    at ${frame}`)].join('\n')
  return error
}

describe('puppet faults', () => {
  it('are errors whose innermost frame is in a puppet package', () => {
    expect(isPuppetFault(thrownAt('WechatyResolver.reportResolutionError (/app/node_modules/wechaty-token/dist/esm/src/resolver-wechaty.js:26:23)'))).toBe(true)
    expect(isPuppetFault(thrownAt('Http2CallStream.emit (C:\\app\\node_modules\\@grpc\\grpc-js\\build\\src\\call-stream.js:1:1)'))).toBe(true)
    expect(isPuppetFault(thrownAt('process.processTicksAndRejections (node:internal/process/task_queues:95:5)', 'PuppetPadlocal.x (/a/node_modules/wechaty-puppet-padlocal/dist/a.js:1:1)'))).toBe(true)
  })

  it('are not our own errors, even when a puppet is further down the stack', () => {
    expect(isPuppetFault(thrownAt('judgeMessage (/app/electron/guard/judge-message.ts:20:3)', 'Wechaty.emit (/app/node_modules/wechaty/dist/esm/src/a.js:1:1)'))).toBe(false)
    expect(isPuppetFault(new Error('no stack frames'))).toBe(false)
    expect(isPuppetFault('a string')).toBe(false)
  })
})

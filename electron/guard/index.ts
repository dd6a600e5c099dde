export { createGuard, type Guard, type GuardOptions } from './create-guard.ts'
export { OverrideError } from './overrides.ts'
export type { FlushReport } from '../actions/index.ts'
export type { EventChange, EventListener } from '../store/index.ts'

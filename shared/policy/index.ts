export * from './settings.ts'
export * from './strike-policy.ts'
export * from './templates.ts'

export * from './puppet-capabilities.ts'
export * from './removal-ability.ts'

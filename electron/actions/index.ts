export { createActionQueue, type ActionQueue, type FlushReport } from './queue.ts'

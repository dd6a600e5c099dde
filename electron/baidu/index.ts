// Baidu AI services' shared client: token, deadlines, retries, circuit breaker, coded failures.
export { BAIDU_BASE_URL, createBaiduClient, type BaiduCall, type BaiduClient, type BaiduClientOptions, type ServiceAnswer } from './client.ts'
export { BAIDU_FAILURE_CODES, BaiduError, isBaiduError, type BaiduFailureCode, type ServiceFailureKind } from './failures.ts'
export type { BreakerState } from './circuit-breaker.ts'
export type { PostRequest } from './http.ts'
export type { BaiduCredentials } from './token.ts'

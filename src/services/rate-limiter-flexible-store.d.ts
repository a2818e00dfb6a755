// rate-limiter-flexible's base class for custom stores: shipped, but not exported from the
// package's index nor typed on its own. What src/services/rate-limits.ts relies on.
declare module 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js' {
  import type { IRateLimiterStoreOptions, RateLimiterRes } from 'rate-limiter-flexible'

  export default class RateLimiterStoreAbstract {
    constructor(opts: IRateLimiterStoreOptions)
    points: number
    consume(key: string | number, points?: number): Promise<RateLimiterRes>
    get(key: string | number): Promise<RateLimiterRes | null>
    reward(key: string | number, points?: number): Promise<RateLimiterRes>
  }
}

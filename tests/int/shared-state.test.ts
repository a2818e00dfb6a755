// What the public nodes share through the database, on this adapter (SQLite by default,
// PostgreSQL with TEST_DB=postgres): rate-limit counts, one-time CAPTCHA claims, cache purges,
// and the sweep of what has expired.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Started, startPayload } from '../helpers/payload'

let s: Started
// Loaded after Payload: these modules read the settings, which must see the test's database.
let limits: typeof import('../../src/services/rate-limits')
let shared: typeof import('../../src/services/shared-state')
let captcha: typeof import('../../src/services/captcha')
let purges: typeof import('../../src/services/cache-purges')
let cache: typeof import('../../src/services/page-cache')

beforeAll(async () => {
  s = await startPayload()
  limits = await import('../../src/services/rate-limits')
  shared = await import('../../src/services/shared-state')
  captcha = await import('../../src/services/captcha')
  purges = await import('../../src/services/cache-purges')
  cache = await import('../../src/services/page-cache')
})
afterAll(async () => {
  purges?.stopPurgeSync(s.payload)
  await s?.stop()
})

describe('rate limits in the database', () => {
  it('counts every use and refuses past the limit, then blocks for the block time', async () => {
    const ip = '192.0.2.1'
    for (let i = 0; i < 10; i++)
      expect(await limits.consume(s.payload, 'wrongTrackingCodes', ip)).toEqual({ ok: true })
    const refused = await limits.consume(s.payload, 'wrongTrackingCodes', ip)
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(14 * 60)
    expect((await limits.check(s.payload, 'wrongTrackingCodes', ip)).ok).toBe(false)
    // Another address is not affected.
    expect((await limits.check(s.payload, 'wrongTrackingCodes', '192.0.2.2')).ok).toBe(true)
  })

  it('counts concurrent uses exactly (one atomic statement each)', async () => {
    const ip = '192.0.2.3'
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => limits.consume(s.payload, 'formPosts', ip)),
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(30)
  })

  it('starts a new window once the old one has expired', async () => {
    await s.payload.db.create({
      collection: 'rate-limits',
      data: {
        key: 'requestsCreated:192.0.2.4',
        points: 99,
        expire: new Date(Date.now() - 1000).toISOString(),
      },
    })
    expect(await limits.consume(s.payload, 'requestsCreated', '192.0.2.4')).toEqual({ ok: true })
  })
})

describe('one-time tokens', () => {
  it('lets exactly one claim of a key win', async () => {
    const expiresAt = new Date(Date.now() + 60_000)
    const claims = await Promise.all(
      ['a', 'b', 'c', 'd'].map((owner) =>
        shared.claimToken(s.payload, { key: 'test:race', owner, expiresAt }),
      ),
    )
    expect(claims.filter(Boolean)).toHaveLength(1)
    const winner = ['a', 'b', 'c', 'd'][claims.indexOf(true)]
    expect(await shared.readToken(s.payload, 'test:race')).toEqual({ owner: winner })
  })

  it('a CAPTCHA solves one submission, again for that submission, never for another', async () => {
    const made = captcha.createCaptcha('text')
    const answer = captcha.peekCaptchaAnswer(made.id)!
    const verify = (submission: string, a = answer) =>
      captcha.verifyCaptcha({ payload: s.payload, token: made.id, answer: a, submission })
    expect(await verify('sub-1')).toBe(true)
    expect(await verify('sub-1')).toBe(true)
    expect(await verify('sub-2')).toBe(false)
    // A wrong answer spends a fresh one.
    const other = captcha.createCaptcha('image')
    const right = captcha.peekCaptchaAnswer(other.id)!
    const check = (a: string) =>
      captcha.verifyCaptcha({ payload: s.payload, token: other.id, answer: a, submission: 'x' })
    expect(await check('WRONG')).toBe(false)
    expect(await check(right)).toBe(false)
    // A token altered by hand is no CAPTCHA at all.
    expect(captcha.captchaSvg(other.id.slice(0, -2) + 'AA')).toBeNull()
  })
})

describe('cache purges', () => {
  it('reach this node from a recorded row within a poll', async () => {
    purges.startPurgeSync(s.payload, { intervalMs: 100 })
    const page = {
      status: 200,
      body: Buffer.from('x'),
      etag: '"x"',
      lastModified: new Date().toUTCString(),
      contentType: 'text/html',
      tags: ['article:424242'],
      storedAt: Date.now(),
    }
    cache.pageCache.set('test|/a/|0|pub', page)
    // Written as another node would: a row, no local purge.
    await s.payload.create({
      collection: 'cache-purges',
      data: { tags: 'article:424242', origin: 'another-node' },
      overrideAccess: true,
    })
    const until = Date.now() + 2000
    while (cache.pageCache.get('test|/a/|0|pub') && Date.now() < until)
      await new Promise((r) => setTimeout(r, 50))
    expect(cache.pageCache.get('test|/a/|0|pub')).toBeUndefined()
  })
})

describe('the sweep', () => {
  it('deletes expired tokens and counters and old purges, and nothing current', async () => {
    const past = new Date(Date.now() - 60_000).toISOString()
    const future = new Date(Date.now() + 60_000).toISOString()
    await s.payload.create({
      collection: 'public-tokens',
      data: { key: 'sweep:old', owner: '', expiresAt: past },
      overrideAccess: true,
    })
    await s.payload.create({
      collection: 'public-tokens',
      data: { key: 'sweep:new', owner: '', expiresAt: future },
      overrideAccess: true,
    })
    await s.payload.db.create({
      collection: 'rate-limits',
      data: { key: 'sweep:old', points: 1, expire: past },
    })
    const swept = await shared.sweepSharedState(s.payload, new Date(Date.now() + 11 * 60_000))
    expect(swept.tokens).toBeGreaterThanOrEqual(1)
    expect(swept.limits).toBeGreaterThanOrEqual(1)
    expect(swept.purges).toBeGreaterThanOrEqual(1)
    const left = await s.payload.find({
      collection: 'public-tokens',
      where: { key: { like: 'sweep:' } },
      overrideAccess: true,
    })
    // Swept as of eleven minutes from now: the one-minute token has expired by then too.
    expect(left.totalDocs).toBe(0)
    const now = await shared.sweepSharedState(s.payload)
    expect(now).toEqual({ tokens: 0, limits: 0, purges: 0 })
  })
})

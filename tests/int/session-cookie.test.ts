// The session cookie is Secure when the admin is served over HTTPS (SERVER_URL's scheme), so a
// browser never sends it over plain HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeUser } from '../helpers/fixtures'
import { type Started, startPayload, testDb } from '../helpers/payload'

let t: Started

beforeAll(async () => {
  // Read when the settings are first imported: before Payload starts.
  process.env.SERVER_URL = 'https://admin.qingchuan.gov.cn'
  t = await startPayload()
}, 120_000)

afterAll(async () => {
  const { auditSettled } = await import('../../src/services/audit')
  await auditSettled()
  delete process.env.SERVER_URL
  await t?.stop()
})

describe(`session cookie on ${testDb()}`, () => {
  it('is Secure, HttpOnly and SameSite=Lax when SERVER_URL is https', async () => {
    const user = await makeUser(t.payload, { platformRoles: ['auditor'] })
    const { handleEndpoints } = await import('payload')
    const { default: config } = await import('../../payload.config')
    const res = await handleEndpoints({
      config,
      path: '/api/users/login',
      request: new Request('https://admin.qingchuan.gov.cn/api/users/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.9' },
        body: JSON.stringify({ email: user.email, password: 'Test-Password-1' }),
      }),
    })
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })
})

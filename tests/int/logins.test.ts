// Logins and unlocking through the routes people use (Payload's REST and GraphQL handlers,
// called in-process with a Request): who may unlock whom, one answer for every account, the
// per-address limit before the account's own lock, and failed logins in the audit trail.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { makeSite, makeUser, type Id, type TestUser } from '../helpers/fixtures'
import { type Started, startPayload, testDb } from '../helpers/payload'
import { graphql, rest, tokenFor } from '../helpers/routes'

let t: Started
let auditSettled: typeof import('../../src/services/audit').auditSettled
let limits: typeof import('../../src/services/login-limits')
let siteA: Id
let siteB: Id
let platformAdmin: TestUser
let siteAdminA: TestUser
let editorA: TestUser
let editorA2: TestUser
let editorB: TestUser
let adminAlsoOnA: TestUser
const PASSWORD = 'Test-Password-1'

beforeAll(async () => {
  t = await startPayload()
  ;({ auditSettled } = await import('../../src/services/audit'))
  limits = await import('../../src/services/login-limits')
  siteA = (await makeSite(t.payload)).id
  siteB = (await makeSite(t.payload)).id
  platformAdmin = await makeUser(t.payload, { platformRoles: ['platform-admin'] })
  siteAdminA = await makeUser(t.payload, { sites: [{ site: siteA, roles: ['site-admin'] }] })
  editorA = await makeUser(t.payload, { sites: [{ site: siteA, roles: ['editor'] }] })
  editorA2 = await makeUser(t.payload, { sites: [{ site: siteA, roles: ['editor'] }] })
  editorB = await makeUser(t.payload, { sites: [{ site: siteB, roles: ['editor'] }] })
  adminAlsoOnA = await makeUser(t.payload, {
    platformRoles: ['platform-admin'],
    sites: [{ site: siteA, roles: ['editor'] }],
  })
}, 120_000)

afterAll(async () => {
  await auditSettled?.()
  await t?.stop()
})

beforeEach(async () => {
  const { resetRateLimits } = await import('../../src/services/rate-limits')
  await resetRateLimits(t.payload)
})

const lock = (user: TestUser) =>
  t.payload.db.updateOne({
    collection: 'users',
    id: user.id,
    data: { lockUntil: new Date(Date.now() + 15 * 60_000).toISOString(), loginAttempts: 20 },
  })

const lockOf = async (user: TestUser) =>
  (await t.payload.db.findOne({
    collection: 'users',
    where: { id: { equals: user.id } },
  })) as unknown as { lockUntil?: string | null; loginAttempts?: number | null }

const locked = async (user: TestUser) => {
  const u = await lockOf(user)
  return Boolean(u.lockUntil && new Date(u.lockUntil).getTime() > Date.now())
}

const unlockLocal = (actor: TestUser, target: TestUser) =>
  t.payload.unlock({
    collection: 'users',
    data: { email: target.email },
    req: { user: actor as never },
    overrideAccess: false,
  })

describe(`unlocking accounts on ${testDb()}`, () => {
  it.each<[string, () => TestUser, () => TestUser, boolean]>([
    ['an editor cannot unlock a platform admin', () => editorA, () => platformAdmin, false],
    ['an editor cannot unlock a colleague of the same site', () => editorA, () => editorA2, false],
    ['a site admin unlocks the staff of their site', () => siteAdminA, () => editorA, true],
    ['a site admin cannot unlock another site’s staff', () => siteAdminA, () => editorB, false],
    ['a site admin cannot unlock a platform admin', () => siteAdminA, () => platformAdmin, false],
    [
      'a site admin cannot unlock a platform admin who also works on their site',
      () => siteAdminA,
      () => adminAlsoOnA,
      false,
    ],
    ['a platform admin unlocks anyone', () => platformAdmin, () => editorB, true],
    [
      'a platform admin unlocks another platform admin',
      () => platformAdmin,
      () => adminAlsoOnA,
      true,
    ],
  ])('%s (Local API)', async (_, actor, target, allowed) => {
    await lock(target())
    if (allowed) await expect(unlockLocal(actor(), target())).resolves.toBeTruthy()
    else await expect(unlockLocal(actor(), target())).rejects.toThrow()
    expect(await locked(target())).toBe(!allowed)
  })

  it('refuses an editor’s unlock of a platform admin through REST and GraphQL, with a sentence', async () => {
    await lock(platformAdmin)
    const token = await tokenFor(t.payload, editorA.email)
    const viaRest = await rest('POST', '/users/unlock', {
      body: { email: platformAdmin.email },
      token,
    })
    expect(viaRest.status).toBe(403)
    const viaGraphql = await graphql(
      'mutation($email: String!) { unlockUser(email: $email) }',
      { email: platformAdmin.email },
      { token },
    )
    expect(viaGraphql.errors?.[0]?.message).toMatch(/平台管理员|无权/)
    expect(await locked(platformAdmin)).toBe(true)
    const adminToken = await tokenFor(t.payload, siteAdminA.email).catch(() => null)
    expect(adminToken).toBeTruthy()
    await lock(editorA)
    const own = await rest('POST', '/users/unlock', {
      body: { email: editorA.email },
      token: adminToken!,
    })
    expect(own.status).toBe(200)
    expect(await locked(editorA)).toBe(false)
    await t.payload.db.updateOne({
      collection: 'users',
      id: platformAdmin.id,
      data: { lockUntil: null, loginAttempts: 0 },
    })
  })
})

describe(`logins on ${testDb()}`, () => {
  const restLogin = (email: string, password: string, ip: string) =>
    rest('POST', '/users/login', { body: { email, password }, ip })
  const gqlLogin = (email: string, password: string, ip: string) =>
    graphql(
      'mutation($e: String!, $p: String!) { loginUser(email: $e, password: $p) { token } }',
      { e: email, p: password },
      { ip },
    )

  it('answers an unknown e-mail, a wrong password and a locked account alike', async () => {
    const known = await makeUser(t.payload, { sites: [{ site: siteA, roles: ['editor'] }] })
    const unknown = await restLogin('nobody-here@test.jiyue', 'Wrong-Password-1', '10.0.1.1')
    const wrong = await restLogin(known.email, 'Wrong-Password-1', '10.0.1.2')
    await lock(known)
    const whileLocked = await restLogin(known.email, PASSWORD, '10.0.1.3')
    expect(unknown.status).toBe(401)
    expect(wrong).toEqual(unknown)
    expect(whileLocked).toEqual(unknown)
    expect(JSON.stringify(unknown.body)).toContain('邮箱或密码不正确')
    const g1 = await gqlLogin('nobody-here@test.jiyue', 'Wrong-Password-1', '10.0.1.4')
    const g2 = await gqlLogin(known.email, PASSWORD, '10.0.1.5')
    expect(g1.errors?.[0]?.message).toBe(g2.errors?.[0]?.message)
    expect(g1.errors?.[0]?.extensions).toEqual(g2.errors?.[0]?.extensions)
  })

  it('stops an address after 10 failures with 429, before the account locks, and the owner still logs in', async () => {
    const victim = await makeUser(t.payload, { sites: [{ site: siteA, roles: ['signer'] }] })
    const n = limits.LOGIN_LIMITS.failuresPerAddress
    for (let i = 0; i < n; i++) {
      const res = await restLogin(victim.email, `Wrong-${i}`, '203.0.113.9')
      expect(res.status).toBe(401)
    }
    const limited = await restLogin(victim.email, 'Wrong-again', '203.0.113.9')
    expect(limited.status).toBe(429)
    expect(JSON.stringify(limited.body)).toMatch(/登录失败次数过多，请于 \d+ 分钟后再试/)
    // The limit holds for the right password too, and for GraphQL from the same address.
    expect((await restLogin(victim.email, PASSWORD, '203.0.113.9')).status).toBe(429)
    const viaGraphql = await gqlLogin(victim.email, PASSWORD, '203.0.113.9')
    expect(viaGraphql.errors?.[0]?.extensions?.statusCode).toBe(429)
    expect(await locked(victim)).toBe(false)
    const owner = await restLogin(victim.email, PASSWORD, '198.51.100.7')
    expect(owner.status).toBe(200)
    expect(owner.body.token).toBeTruthy()
  })

  it('counts only failures against an address: successful logins give their point back', async () => {
    const person = await makeUser(t.payload, { sites: [{ site: siteB, roles: ['editor'] }] })
    for (let i = 0; i < limits.LOGIN_LIMITS.failuresPerAddress + 2; i++) {
      expect((await restLogin(person.email, PASSWORD, '192.0.2.44')).status).toBe(200)
    }
    expect((await restLogin(person.email, 'Wrong-1', '192.0.2.44')).status).toBe(401)
  })

  it('records failed logins through REST and GraphQL (every alias) with the e-mail lower-cased and trimmed', async () => {
    const person = await makeUser(t.payload, { sites: [{ site: siteA, roles: ['editor'] }] })
    const shouted = `  ${person.email.toUpperCase()} `
    await restLogin(shouted, 'Wrong-Password-1', '10.0.2.1')
    await gqlLogin(shouted, 'Wrong-Password-2', '10.0.2.2')
    const aliased = await graphql(
      `
        mutation ($e: String!) {
          a: loginUser(email: $e, password: "Wrong-3") {
            token
          }
          b: loginUser(email: $e, password: "Wrong-4") {
            token
          }
        }
      `,
      { e: shouted },
      { ip: '10.0.2.3' },
    )
    expect(aliased.errors).toHaveLength(2)
    await restLogin(shouted, PASSWORD, '10.0.2.4')
    await auditSettled()
    const events = await t.payload.find({
      collection: 'audit-events',
      where: {
        and: [{ action: { equals: 'auth.login' } }, { userEmail: { equals: person.email } }],
      },
      sort: 'seq',
      limit: 0,
      overrideAccess: true,
    })
    const rows = events.docs.map((e) => ({
      outcome: e.outcome,
      route: (e.detail as { route?: string } | null)?.route ?? null,
      ip: (e.detail as { ip?: string } | null)?.ip ?? null,
    }))
    expect(rows).toEqual([
      { outcome: 'failure', route: 'rest', ip: '10.0.2.1' },
      { outcome: 'failure', route: 'graphql', ip: '10.0.2.2' },
      { outcome: 'failure', route: 'graphql', ip: '10.0.2.3' },
      { outcome: 'failure', route: 'graphql', ip: '10.0.2.3' },
      { outcome: 'success', route: null, ip: '10.0.2.4' },
    ])
    const mixedCase = await t.payload.find({
      collection: 'audit-events',
      where: { userEmail: { equals: shouted } },
      overrideAccess: true,
    })
    expect(mixedCase.totalDocs).toBe(0)
  })
})

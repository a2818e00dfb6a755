// The official work calendar: seeded from the State Council arrangements, read by anyone,
// changed only by platform admins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { WorkCalendar } from '../../src/payload-types'
import { seedCalendarIfEmpty } from '../../src/seed/calendar'
import { MAKEUP_DAYS_2026 } from '../helpers/calendar'
import { makeSite, makeUser, type TestUser } from '../helpers/fixtures'
import { type Started, startPayload, testDb } from '../helpers/payload'

let t: Started
let admin: TestUser
let siteAdmin: TestUser

beforeAll(async () => {
  t = await startPayload()
  const site = await makeSite(t.payload)
  admin = await makeUser(t.payload, { platformRoles: ['platform-admin'] })
  siteAdmin = await makeUser(t.payload, { sites: [{ site: site.id, roles: ['site-admin'] }] })
})
afterAll(async () => t?.stop())

/** A calendar day entered by a person through the Local API. */
const enter = (data: Pick<WorkCalendar, 'date' | 'kind' | 'name'>, user: TestUser) =>
  t.payload.create({ collection: 'work-calendar', data, user, overrideAccess: false })

describe(`work calendar on ${testDb()}`, () => {
  it('is seeded once with the official holidays and make-up days, and names the missing years', async () => {
    const first = await seedCalendarIfEmpty(t.payload)
    expect(first?.days).toBeGreaterThan(80)
    expect(first?.missingYears).toEqual([2027])
    expect(await seedCalendarIfEmpty(t.payload)).toBeNull()
    const makeup2026 = await t.payload.find({
      collection: 'work-calendar',
      where: { and: [{ kind: { equals: 'makeup' } }, { date: { like: '2026-' } }] },
      sort: 'date',
      limit: 50,
    })
    expect(makeup2026.docs.map((d) => d.date)).toEqual(MAKEUP_DAYS_2026)
    const nationalDay = await t.payload.find({
      collection: 'work-calendar',
      where: { date: { equals: '2026-10-01' } },
    })
    expect(nationalDay.docs[0]).toMatchObject({ kind: 'holiday', name: '国庆节' })
  })

  it('is public to read and changed only by platform admins', async () => {
    const anon = await t.payload.find({
      collection: 'work-calendar',
      overrideAccess: false,
      limit: 1,
    })
    expect(anon.totalDocs).toBeGreaterThan(0)
    const row = { date: '2027-01-01', kind: 'holiday', name: '元旦' } as const
    await expect(enter(row, siteAdmin)).rejects.toMatchObject({ status: 403 })
    const made = await enter(row, admin)
    expect(made.date).toBe('2027-01-01')
  })

  it('refuses an impossible date and a day entered twice, in Chinese', async () => {
    await expect(
      enter({ date: '2027-02-30', kind: 'holiday', name: '春节' }, admin),
    ).rejects.toThrow(/日期/)
    await expect(
      enter({ date: '2026-10-01', kind: 'holiday', name: '国庆节' }, admin),
    ).rejects.toThrow()
    const count = await t.payload.count({
      collection: 'work-calendar',
      where: { date: { equals: '2026-10-01' } },
    })
    expect(count.totalDocs).toBe(1)
  })
})

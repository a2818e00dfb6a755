// Platform data is Payload's to ensure wherever it starts (onInit): a database filled by
// `npm run seed`, by the server or by any other start holds the official work calendar and the
// classification lists, so a request filed afterwards gets the statutory due date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { dayOf } from '../../src/domain/dates'
import { makeSite, makeUser } from '../helpers/fixtures'
import { type Started, startPayload, testDb } from '../helpers/payload'

let t: Started

beforeAll(async () => {
  process.env.PLATFORM_DATA = '1'
  t = await startPayload()
})
afterAll(async () => {
  delete process.env.PLATFORM_DATA
  await t?.stop()
})

describe(`platform data on start (${testDb()})`, () => {
  it('puts the work calendar and the classification lists into an empty database', async () => {
    const calendar = await t.payload.count({ collection: 'work-calendar' })
    expect(calendar.totalDocs).toBeGreaterThan(80)
    expect((await t.payload.count({ collection: 'disclosure-topics' })).totalDocs).toBeGreaterThan(
      10,
    )
    expect((await t.payload.count({ collection: 'disclosure-genres' })).totalDocs).toBeGreaterThan(
      5,
    )
  })

  it('gives a request the holiday-aware due date with no other start step', async () => {
    const site = (await makeSite(t.payload)).id
    const handler = await makeUser(t.payload, { sites: [{ site, roles: ['handler'] }] })
    const r = await t.payload.create({
      collection: 'disclosure-requests',
      data: {
        site,
        channel: 'letter',
        receivedAt: '2026-09-25',
        applicantKind: 'natural-person',
        applicantName: '张三',
        idType: 'resident-id',
        idNumber: '11010519491231002X',
        phone: '13800138000',
        description: '请公开本机关2025年度城市道路维修工程的招标结果和合同金额',
        formWanted: 'electronic',
        delivery: 'post',
      },
      user: handler,
      overrideAccess: false,
    })
    // The National Day week skipped and the 10-10 make-up day counted, as the server's start gives.
    expect(dayOf(r.dueDate)).toBe('2026-10-29')
  })
})

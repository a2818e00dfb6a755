// The zombie-site audit on a real database: facts read from columns, published items, letters
// and mailboxes; each run stored in `site-audits`, readable by the site's admins and platform staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { auditAllSites, runSiteAudit } from '../../src/services/site-audit'
import { type Id, makeArticle, makeColumn, makeSite, makeUser } from '../helpers/fixtures'
import { type Started, startPayload } from '../helpers/payload'

let t: Started
let site: Id
let other: Id
const now = new Date('2026-12-03T02:00:00Z')
const at = (day: string) => `${day}T02:00:00.000Z`

beforeAll(async () => {
  t = await startPayload()
  const { payload } = t
  site = (await makeSite(payload)).id
  other = (await makeSite(payload)).id
  const news = (await makeColumn(payload, site, { name: '工作动态', showOnHome: true })).id
  // Five stale news columns: (a) of the columns item fails.
  for (let i = 0; i < 5; i++) {
    const col = (await makeColumn(payload, site, { name: `旧栏目${i}` })).id
    await makeArticle(payload, { site, column: col, publishedAt: at('2026-10-01') })
  }
  await makeArticle(payload, { site, column: news, publishedAt: at('2026-11-25') })
  // Shown a month before it was made: listed for a person to check.
  await makeArticle(payload, {
    site,
    column: news,
    title: '补发的旧闻',
    publishedAt: at('2026-10-20'),
  })
  const mailbox = await payload.create({
    collection: 'mailboxes',
    overrideAccess: true,
    data: { site, name: '局长信箱', slug: 'director' },
  })
  await payload.create({
    collection: 'letters',
    overrideAccess: true,
    context: { seeding: true },
    data: {
      site,
      mailbox: mailbox.id,
      channel: 'letter',
      subject: '小区路灯不亮',
      category: 'help',
      content: '幸福路小区的路灯已经坏了一个月，请尽快修理。',
      writerName: '王五',
      phone: '13800000000',
      receivedAt: at('2026-08-20'),
    },
  })
})

afterAll(async () => {
  await t?.stop()
})

describe('a site audit run', () => {
  it('judges the site from its records and stores the run with its evidence', async () => {
    const { payload } = t
    const run = await runSiteAudit(payload, site, { now, trigger: 'manual' })
    expect(run.status).toBe('fail')
    const stored = await payload.findByID({
      collection: 'site-audits',
      id: run.id,
      overrideAccess: true,
    })
    const items = stored.items as { key: string; status: string; evidence: string[] }[]
    const byKey = Object.fromEntries(items.map((i) => [i.key, i]))
    expect(byKey.columns.status).toBe('fail')
    expect(byKey.columns.evidence.filter((e) => e.startsWith('未更新：'))).toHaveLength(5)
    // The letter of 2026-08-20 has waited more than 3 months unanswered.
    expect(byKey.response.status).toBe('fail')
    expect(byKey.response.evidence[0]).toMatch(/2026-08-20 收到，至今未答复/)
    expect(byKey.home.status).toBe('pass')
    expect(byKey.backdated.evidence.join()).toContain('补发的旧闻')
    // No probes and no link checks recorded: said, not guessed.
    expect(byKey.reachable.status).toBe('unknown')
    expect(byKey.links.status).toBe('unknown')
    expect(stored.worst).toMatch(/^栏目不更新（不合格）|^互动回应差（不合格）/)
  })

  it('a site without a mailbox has no enquiry channel', async () => {
    const run = await runSiteAudit(t.payload, other, { now, trigger: 'manual' })
    const stored = await t.payload.findByID({
      collection: 'site-audits',
      id: run.id,
      overrideAccess: true,
    })
    const response = (stored.items as { key: string; status: string }[]).find(
      (i) => i.key === 'response',
    )
    expect(response?.status).toBe('fail')
  })

  it('the nightly run audits every open site, not closed ones', async () => {
    const closed = (await makeSite(t.payload, { status: 'closed' })).id
    const runs = await auditAllSites(t.payload, { now, trigger: 'nightly' })
    const audited = runs.map((r) => String(r.site))
    expect(audited).toEqual(expect.arrayContaining([String(site), String(other)]))
    expect(audited).not.toContain(String(closed))
  })

  it("site admins read their own site's runs, auditors every run, nobody writes one", async () => {
    const { payload } = t
    const admin = await makeUser(payload, { sites: [{ site, roles: ['site-admin'] }] })
    const editor = await makeUser(payload, { sites: [{ site, roles: ['editor'] }] })
    const auditor = await makeUser(payload, { platformRoles: ['auditor'] })
    const read = async (user: typeof admin) =>
      (
        await payload.find({ collection: 'site-audits', user, overrideAccess: false, limit: 100 })
      ).docs.map((d) => String(typeof d.site === 'object' ? d.site.id : d.site))
    expect(new Set(await read(admin))).toEqual(new Set([String(site)]))
    // Editors are not told about the site's health: the list is refused outright.
    await expect(read(editor)).rejects.toThrow('无权')
    expect(new Set(await read(auditor))).toEqual(new Set([String(site), String(other)]))
    await expect(
      payload.create({
        collection: 'site-audits',
        user: auditor,
        overrideAccess: false,
        data: { site, ranAt: now.toISOString(), status: 'pass', items: [] },
      }),
    ).rejects.toThrow()
  })
})

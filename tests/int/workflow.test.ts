// The publishing workflow through the Local API as people use it (overrideAccess: false):
// moves, refusals, numbers under concurrency, voiding, the audit trail and the publishing clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { verifyChain } from '../../src/domain/audit-chain'
import type { Id, TestUser } from '../helpers/fixtures'
import { makeColumn, makeSite, makeUser, moveArticle } from '../helpers/fixtures'
import { type Started, startPayload, testDb } from '../helpers/payload'
import { draftNotice, makeSeries, numberAssignment } from '../helpers/signing'

let t: Started
// Services read settings when imported, so they are imported after the test database is set.
let auditSettled: typeof import('../../src/services/audit').auditSettled
let verifyAudit: typeof import('../../src/services/audit').verifyAudit
let runPublishingSweep: typeof import('../../src/services/publishing-sweep').runPublishingSweep
let site: Id
let otherSite: Id
let column: Id
let editor: TestUser
let reviewer: TestUser
let signer: TestUser
let signer2: TestUser
let siteAdmin: TestUser
let series: Id
let foreignSeries: Id

beforeAll(async () => {
  t = await startPayload()
  ;({ auditSettled, verifyAudit } = await import('../../src/services/audit'))
  ;({ runPublishingSweep } = await import('../../src/services/publishing-sweep'))
  site = (await makeSite(t.payload)).id
  otherSite = (await makeSite(t.payload)).id
  column = (await makeColumn(t.payload, site)).id
  editor = await makeUser(t.payload, { sites: [{ site, roles: ['editor'] }] })
  reviewer = await makeUser(t.payload, { sites: [{ site, roles: ['reviewer'] }] })
  signer = await makeUser(t.payload, { sites: [{ site, roles: ['signer'] }] })
  signer2 = await makeUser(t.payload, { sites: [{ site, roles: ['signer', 'editor'] }] })
  siteAdmin = await makeUser(t.payload, { sites: [{ site, roles: ['site-admin'] }] })
  series = (await makeSeries(t.payload, site)).id
  const foreign = { name: '外站文件', prefix: '外站发' }
  foreignSeries = (await makeSeries(t.payload, otherSite, foreign)).id
}, 120_000)

afterAll(async () => {
  await auditSettled?.()
  await t?.stop()
})

const move = (id: Id, user: TestUser, state: string, extra: Record<string, unknown> = {}) =>
  moveArticle(t.payload, id, user, state, extra)

const draft = (over: Record<string, unknown> = {}) =>
  draftNotice(t.payload, editor, { site, column, ...over })

/** Draft → submitted → reviewed, ready for a signer. */
const reviewed = async (over: Record<string, unknown> = {}) => {
  const id = await draft(over)
  await move(id, editor, 'submitted')
  await move(id, reviewer, 'reviewed')
  return id
}

describe(`workflow on ${testDb()}`, () => {
  it('walks an article from draft to published, stamping who, when and its numbers', async () => {
    const id = await reviewed({ numberingSeries: series })
    const signed = await move(id, signer, 'signed')
    expect(signed.state).toBe('signed')
    expect(signed.signedAt).toBeTruthy()
    expect(signed.indexNumber).toMatch(/^\d{9}\/\d{4}-\d{5}$/)
    expect(signed.docNumber).toMatch(/^测试发〔\d{4}〕\d+号$/)
    const published = await move(id, signer, 'published')
    expect(published.publishedAt).toBeTruthy()
    expect((published.history as { move: string }[]).map((h) => h.move)).toEqual([
      'submit',
      'review',
      'sign',
      'publish',
    ])
    // Each row keeps the person's name as it was, for the admin's row label.
    expect((published.history as { byName?: string }[]).map((h) => h.byName)).toEqual([
      editor.name,
      reviewer.name,
      signer.name,
      signer.name,
    ])
    const anon = await t.payload.find({
      collection: 'articles',
      where: { id: { equals: id } },
      overrideAccess: false,
    })
    expect(anon.docs).toHaveLength(1)
  })

  it.each([
    [
      'an editor approving',
      'submitted',
      () => editor,
      'reviewed',
      /只有本站的审核人或站点管理员可以审核通过/,
    ],
    [
      'a reviewer signing',
      'reviewed',
      () => reviewer,
      'signed',
      /只有本站的签发人或站点管理员可以签发/,
    ],
    [
      'a signer jumping a draft to published',
      'draft',
      () => signer,
      'published',
      /草稿.*不能改为“已发布”/,
    ],
  ])('refuses %s with a sentence, changing nothing', async (_, at, who, to, message) => {
    const id = await draft()
    if (at !== 'draft') await move(id, editor, 'submitted')
    if (at === 'reviewed') await move(id, reviewer, 'reviewed')
    await expect(move(id, who(), to)).rejects.toThrow(message)
    const after = await t.payload.findByID({ collection: 'articles', id, overrideAccess: true })
    expect(after.state).toBe(at)
    expect(after.indexNumber ?? null).toBeNull()
  })

  it('refuses to let a signer sign what they submitted themselves', async () => {
    const id = await draftNotice(t.payload, signer2, { site, column, title: '自己提交' })
    await move(id, signer2, 'submitted')
    await move(id, reviewer, 'reviewed')
    await expect(move(id, signer2, 'signed')).rejects.toThrow(
      '稿件由您本人提交，须由另一位签发人签发',
    )
    await expect(move(id, signer, 'signed')).resolves.toMatchObject({ state: 'signed' })
  })

  it('requires the metadata for signing, and names each missing piece', async () => {
    const id = await reviewed({ issuingOrgan: '', dateFormed: null, disclosureMode: 'withheld' })
    await expect(move(id, signer, 'signed')).rejects.toThrow(
      /签发前须填写发文机关.*签发前须填写成文日期.*不主动公开的理由/,
    )
    // Each field at fault is named, so the admin marks it beside the field.
    const refusal = (await move(id, signer, 'signed').catch((e: unknown) => e)) as {
      data?: { errors?: { path: string; message: string }[] }
    }
    expect(refusal.data?.errors?.map((e) => e.path)).toEqual([
      'issuingOrgan',
      'dateFormed',
      'disclosureReason',
    ])
    // The workflow panel listed the same needs before anyone tried (one rule, two readers).
    const { panelFindings } = await import('../../src/services/prepublish-check')
    const { createLocalReq } = await import('payload')
    const doc = await t.payload.findByID({ collection: 'articles', id, overrideAccess: true })
    const findings = await panelFindings(await createLocalReq({}, t.payload), doc)
    expect(findings.filter((f) => f.kind === 'signing').map((f) => f.message)).toEqual(
      refusal.data?.errors?.map((e) => e.message),
    )
  })

  it('refuses a numbering series of another site', async () => {
    await expect(draft({ numberingSeries: foreignSeries })).rejects.toThrow(
      '所选文号序列不属于本站',
    )
  })

  it('returns with a reason, and the reason reaches the article', async () => {
    const id = await draft()
    await move(id, editor, 'submitted')
    await expect(move(id, reviewer, 'returned')).rejects.toThrow('退回修改须填写理由')
    const back = await move(id, reviewer, 'returned', { workflowReason: '请补充附件' })
    expect(back.returnReason).toBe('请补充附件')
  })

  it('locks signed content until it is returned', async () => {
    const id = await reviewed()
    await move(id, signer, 'signed')
    await expect(
      t.payload.update({
        collection: 'articles',
        id,
        data: { title: '改了标题' },
        user: signer,
        overrideAccess: false,
      }),
    ).rejects.toThrow('已签发的稿件不能修改内容')
  })

  it('withdraws with a notice and unpublishes only by a site admin', async () => {
    const id = await reviewed()
    await move(id, signer, 'signed')
    await move(id, signer, 'published')
    await expect(move(id, signer, 'unpublished', { workflowReason: 'x' })).rejects.toThrow(
      '只有本站的站点管理员可以下线',
    )
    const w = await move(id, signer, 'withdrawn', { workflowReason: '数据有误，正在核实' })
    expect(w.withdrawnReason).toBe('数据有误，正在核实')
    const gone = await move(id, siteAdmin, 'unpublished', { workflowReason: '已废止' })
    expect(gone.state).toBe('unpublished')
  })

  it('publishes in an emergency with a reason, signed and numbered at once, pending review', async () => {
    const id = await draft()
    await expect(move(id, signer, 'published', { workflowMove: 'emergency' })).rejects.toThrow(
      '紧急发布须填写理由',
    )
    const doc = await move(id, signer, 'published', {
      workflowMove: 'emergency',
      workflowReason: '突发暴雨预警',
    })
    expect(doc).toMatchObject({
      state: 'published',
      emergency: true,
      emergencyReason: '突发暴雨预警',
    })
    expect(doc.indexNumber).toBeTruthy()
    expect(doc.signedAt).toBe(doc.publishedAt)
    await expect(
      t.payload.update({
        collection: 'articles',
        id,
        data: { emergencyReviewedAt: new Date().toISOString() },
        user: signer,
        overrideAccess: false,
      }),
    ).rejects.toThrow('只有站点管理员可以确认紧急发布已复核')
  })

  it('validates hand-entered document numbers and refuses collisions', async () => {
    await expect(draft({ docNumber: '测试发[2026]3号' })).rejects.toThrow('六角括号')
    await expect(
      draft({ docNumber: '别家发〔2026〕3号', numberingSeries: series }),
    ).rejects.toThrow('与所选文号序列')
    await draft({ docNumber: '测试发〔2020〕3号' })
    await expect(draft({ docNumber: '测试发〔2020〕3号' })).rejects.toThrow(
      '已被《关于测试的通知》使用',
    )
  })

  it('gives concurrent signings (64 on PostgreSQL) distinct, contiguous numbers, each recorded', async () => {
    const n = testDb() === 'postgres' ? 64 : 24
    const ids: Id[] = []
    for (let i = 0; i < n; i++) ids.push(await reviewed({ numberingSeries: series }))
    const signed = await Promise.all(ids.map((id) => move(id, signer, 'signed')))
    const seqs = (docs: Record<string, unknown>[]) =>
      docs.map((d) => Number(/〕(\d+)号$/.exec(String(d.docNumber))![1])).sort((a, b) => a - b)
    const nums = seqs(signed)
    expect(new Set(nums).size).toBe(n)
    expect(nums[n - 1] - nums[0]).toBe(n - 1)
    const index = signed
      .map((d) => Number(String(d.indexNumber).split('-')[1]))
      .sort((a, b) => a - b)
    expect(new Set(index).size).toBe(n)
    expect(index[n - 1] - index[0]).toBe(n - 1)
    const recorded = await t.payload.find({
      collection: 'number-assignments',
      where: { and: [{ series: { equals: series } }, { article: { in: ids } }] },
      limit: 0,
      overrideAccess: true,
    })
    expect(recorded.totalDocs).toBe(n)
  }, 240_000)

  it('voids a number only by a site admin, with a reason, and never one in use online', async () => {
    const id = await reviewed({ numberingSeries: series })
    const signed = await move(id, signer, 'signed')
    const assignment = await numberAssignment(t.payload, signed.docNumber)
    const voidIt = (user: TestUser, voidReason?: string) =>
      t.payload.update({
        collection: 'number-assignments',
        id: assignment.id,
        data: { status: 'voided', voidReason },
        user,
        overrideAccess: false,
      })
    await expect(voidIt(signer, '作废')).rejects.toThrow()
    await expect(voidIt(siteAdmin)).rejects.toThrow('作废号码须填写理由')
    const voided = await voidIt(siteAdmin, '文件撤销，未印发')
    expect(voided).toMatchObject({
      status: 'voided',
      voidReason: '文件撤销，未印发',
      number: signed.docNumber,
    })
    const live = await reviewed({ numberingSeries: series })
    const liveDoc = await move(live, signer, 'signed')
    await move(live, signer, 'published')
    const liveAssignment = await numberAssignment(t.payload, liveDoc.docNumber)
    await expect(
      t.payload.update({
        collection: 'number-assignments',
        id: liveAssignment.id,
        data: { status: 'voided', voidReason: 'x' },
        user: siteAdmin,
        overrideAccess: false,
      }),
    ).rejects.toThrow('不能作废')
  })

  it('publishes a scheduled item when its time comes, and raises the alarm when one slips', async () => {
    const id = await reviewed()
    await move(id, signer, 'signed')
    const at = new Date(Date.now() + 60_000).toISOString()
    await move(id, signer, 'scheduled', { scheduledAt: at })
    const early = await runPublishingSweep(t.payload, new Date())
    expect(early.published).not.toContain(id)
    const due = await runPublishingSweep(t.payload, new Date(Date.now() + 61_000))
    expect(due.published).toContain(id)
    const doc = await t.payload.findByID({ collection: 'articles', id, overrideAccess: true })
    expect(doc.state).toBe('published')
  })

  it('sends first-hour reminders once per stage, and escalates after an hour', async () => {
    const id = await reviewed()
    const signed = await move(id, signer, 'signed')
    const signedAt = new Date(String(signed.signedAt)).getTime()
    const at31 = await runPublishingSweep(t.payload, new Date(signedAt + 31 * 60_000))
    expect(at31.reminders).toContain(`${id}:remind-30`)
    const again = await runPublishingSweep(t.payload, new Date(signedAt + 32 * 60_000))
    expect(again.reminders.filter((r) => r.startsWith(`${id}:`))).toEqual([])
    const at61 = await runPublishingSweep(t.payload, new Date(signedAt + 61 * 60_000))
    expect(at61.reminders).toEqual(expect.arrayContaining([`${id}:remind-50`, `${id}:escalate-60`]))
  })

  it('keeps the audit trail append-only through the API, and its chain whole', async () => {
    await auditSettled()
    const events = await t.payload.find({
      collection: 'audit-events',
      limit: 0,
      sort: 'seq',
      depth: 0,
      overrideAccess: true,
    })
    expect(events.totalDocs).toBeGreaterThan(10)
    expect(events.docs.map((e) => e.action)).toEqual(
      expect.arrayContaining(['article.sign', 'article.publish', 'article.emergency']),
    )
    const admin = await makeUser(t.payload, { platformRoles: ['platform-admin'] })
    const first = events.docs[0]
    await expect(
      t.payload.update({
        collection: 'audit-events',
        id: first.id,
        data: { action: 'x' },
        user: admin,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    await expect(
      t.payload.delete({
        collection: 'audit-events',
        id: first.id,
        user: admin,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    const verified = await verifyAudit(t.payload)
    expect(verified.breaks.slice(0, 3)).toEqual([])
    expect(verified.ok).toBe(true)
    const chain = events.docs as unknown as Parameters<typeof verifyChain>[0]
    expect(verifyChain(chain).ok).toBe(true)
  })

  it('detects an event edited or deleted behind the API, naming where', async () => {
    await auditSettled()
    const events = await t.payload.find({
      collection: 'audit-events',
      limit: 5,
      sort: 'seq',
      overrideAccess: true,
    })
    const [, second, third] = events.docs
    await t.payload.db.updateOne({
      collection: 'audit-events',
      id: second.id,
      data: { action: 'tampered' },
    })
    await t.payload.db.deleteOne({
      collection: 'audit-events',
      where: { id: { equals: third.id } },
    })
    const result = await verifyAudit(t.payload)
    expect(result.ok).toBe(false)
    const messages = result.breaks.map((b) => b.message).join('\n')
    expect(messages).toContain(`第 ${second.seq} 条事件的内容被修改`)
    expect(messages).toContain(`第 ${third.seq} 条事件缺失`)
  })
})

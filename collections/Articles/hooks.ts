// Adapts the workflow (src/domain/workflow), numbering and pre-publication checks to Payload:
// every change of `state` — admin buttons or REST alike — passes through enforceWorkflow.
import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
  type PayloadRequest,
} from 'payload'

import { beijingYear } from '../../src/domain/dates'
import { docNumberProblems, parseDocNumber } from '../../src/domain/numbering'
import { type Actor, hasSiteRole, isPlatformAdmin } from '../../src/domain/permissions'
import {
  docNumberChangeBlockers,
  markValue,
  ownedNames,
  SERVER_OWNED,
} from '../../src/domain/server-owned'
import {
  blocksPublishing,
  type Finding,
  parseWordList,
  runChecks,
} from '../../src/domain/prepublish'
import {
  assignsNumbers,
  contentLocked,
  findMove,
  isLive,
  isState,
  type MoveName,
  moveBlockers,
  nextActors,
  signingProblems,
  type State,
  STATE_LABELS,
  WORKFLOW_DEFAULTS,
} from '../../src/domain/workflow'
import { actorOf, recordAudit } from '../../src/services/audit'
import { recordManualDocNumber, takeDocNumber, takeIndexNumber } from '../../src/services/numbering'
import { notify, peopleWithRoles } from '../../src/services/notify'
import { toActor } from '../access'
import { ARTICLES, NUMBER_ASSIGNMENTS, NUMBERING_SERIES, PUBLISHING_CHECKS, SITES } from '../slugs'

type Id = string | number
type Doc = Record<string, unknown>

const idOf = (v: unknown): Id | undefined =>
  v && typeof v === 'object' && 'id' in v ? (v as { id: Id }).id : (v as Id | undefined)

const refuse = (reasons: string[], status = 400): never => {
  throw new APIError(reasons.join('；'), status, { reasons }, true)
}

/** Plain text of a Lexical body: what readers see, so editor-side JSON noise is no change. */
export function plainText(node: unknown): string {
  if (!node || typeof node !== 'object') return ''
  const n = node as {
    text?: unknown
    children?: unknown[]
    root?: unknown
    fields?: { url?: string }
  }
  if (n.root) return plainText(n.root)
  const own = typeof n.text === 'string' ? n.text : ''
  const url = n.fields?.url ? `[${n.fields.url}]` : ''
  return own + url + (n.children ?? []).map(plainText).join('\n')
}

const CONTENT_FIELDS = ['title', 'summary', 'docNumber', 'issuingOrgan', 'dateFormed'] as const
const contentChanged = (data: Doc, original: Doc): boolean =>
  CONTENT_FIELDS.some((f) => f in data && String(data[f] ?? '') !== String(original[f] ?? '')) ||
  ('body' in data && plainText(data.body) !== plainText(original.body)) ||
  ('columns' in data &&
    JSON.stringify(((data.columns as unknown[]) ?? []).map(idOf).map(String).sort()) !==
      JSON.stringify(((original.columns as unknown[]) ?? []).map(idOf).map(String).sort()))

type SiteFacts = {
  id: Id
  orgCode?: string
  orgName?: string
  publishing?: { reviewStep?: boolean; fourEyes?: boolean }
}

const loadSite = async (req: PayloadRequest, id: Id): Promise<SiteFacts> =>
  (await req.payload.findByID({
    collection: SITES,
    id,
    depth: 0,
    overrideAccess: true,
    req,
    select: { orgCode: true, orgName: true, publishing: true, name: true },
  })) as unknown as SiteFacts

const settingsOf = (site: SiteFacts) => ({
  reviewStep: site.publishing?.reviewStep ?? WORKFLOW_DEFAULTS.reviewStep,
  fourEyes: site.publishing?.fourEyes ?? WORKFLOW_DEFAULTS.fourEyes,
})

/** Whether each link in a body leads to a live page of this platform. */
async function linkStatuses(req: PayloadRequest, body: unknown) {
  const { bodyLinks } = await import('../../src/domain/prepublish')
  const status: Record<string, 'ok' | 'missing' | 'unpublished' | 'external'> = {}
  for (const link of bodyLinks(body)) {
    const id =
      link.internal?.relationTo === ARTICLES
        ? link.internal.id
        : /^(?:https?:\/\/[^/]*\.localhost(?::\d+)?|)\/(?:[\w-]+\/)*([0-9a-f]{24}|\d+)\.html$/i.exec(
            link.url,
          )?.[1]
    if (id == null) {
      status[link.url] = link.internal ? 'ok' : 'external'
      continue
    }
    const found = await req.payload.find({
      collection: ARTICLES,
      where: { id: { equals: id } },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      select: { state: true },
      req,
    })
    const doc = found.docs[0] as { state?: string } | undefined
    status[link.url] = !doc ? 'missing' : isLive(doc.state) ? 'ok' : 'unpublished'
  }
  return status
}

/** The pre-publication findings for an article's current content. */
export async function checkArticle(req: PayloadRequest, article: Doc): Promise<Finding[]> {
  const lists = (await req.payload.findGlobal({
    slug: PUBLISHING_CHECKS,
    overrideAccess: true,
    depth: 0,
    req,
  })) as { sensitiveWords?: string; leaderNames?: string }
  return runChecks(
    { title: article.title as string, summary: article.summary as string, body: article.body },
    {
      lists: {
        sensitiveWords: parseWordList(lists.sensitiveWords ?? ''),
        leaderNames: parseWordList(lists.leaderNames ?? ''),
      },
      linkStatus: await linkStatuses(req, article.body),
    },
  )
}

/** A document number typed by hand: the GB/T 9704 shape, its series, and no collision. */
async function checkManualDocNumber(req: PayloadRequest, merged: Doc, id: Id | undefined) {
  const number = String(merged.docNumber ?? '').trim()
  if (!number) return
  const seriesId = idOf(merged.numberingSeries)
  const series = seriesId != null ? await loadSeries(req, seriesId) : null
  const problems = docNumberProblems(number, series)
  if (problems.length) refuse(problems)
  const clash = await req.payload.find({
    collection: ARTICLES,
    where: {
      and: [{ docNumber: { equals: number } }, ...(id != null ? [{ id: { not_equals: id } }] : [])],
    },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    select: { title: true },
    req,
  })
  if (clash.docs[0]) {
    refuse([
      `发文字号“${number}”已被《${(clash.docs[0] as { title: string }).title}》使用，不能重复`,
    ])
  }
}

/** Whether the site admin voided the article's current 发文字号 (number-assignments). */
async function docNumberVoided(req: PayloadRequest, original: Doc): Promise<boolean> {
  if (!original.docNumber || original.id == null) return false
  const found = await req.payload.find({
    collection: NUMBER_ASSIGNMENTS,
    where: {
      and: [
        { number: { equals: original.docNumber } },
        { article: { equals: original.id } },
        { status: { equals: 'voided' } },
      ],
    },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    select: { id: true },
    req,
  })
  return found.docs.length > 0
}

const loadSeries = async (req: PayloadRequest, id: Id) =>
  (await req.payload.findByID({
    collection: NUMBERING_SERIES,
    id,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })) as unknown as {
    id: Id
    site: Id | { id: Id }
    prefix: string
    name: string
    active?: boolean
  } | null

export type MoveRecord = { move: MoveName | 'restore'; from: State; to: State; reason?: string }

/**
 * The workflow on the server: the move must be in the table and allowed for this person; signing
 * needs its metadata and clean checks, and takes the numbers last, inside the transaction.
 */
export const enforceWorkflow: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  req,
  operation,
}) => {
  const original = (originalDoc ?? {}) as Doc
  const from: State = isState(original.state) ? original.state : 'draft'
  const now = new Date()
  const reason = typeof data.workflowReason === 'string' ? data.workflowReason.trim() : ''
  const requested = data.workflowMove ?? (req.data as Doc | undefined)?.workflowMove
  delete data.workflowMove
  delete data.workflowReason

  if (req.context.seeding) {
    data.state = isState(data.state) ? data.state : from
    return data
  }

  // Restoring an old version makes a draft; it never publishes (and never unpublishes).
  if (req.context.isRestoringVersion) {
    if (isLive(from)) {
      refuse(['已发布的信息不能直接恢复历史版本；请先下线，或由签发人修改后发布'])
    }
    // An old version's numbers, dates and history are not today's: the server's fields stay,
    // and so does the site (Payload leaves fields a person may not update empty on a restore).
    for (const f of ['site', 'docNumber', ...ownedNames(SERVER_OWNED.articles)]) {
      data[f] = original[f]
    }
    data.state = 'draft'
    req.context.workflow = { move: 'restore', from, to: 'draft' } satisfies MoveRecord
    return data
  }

  const actor = toActor(req.user) as Actor | null
  const siteId = idOf(data.site ?? original.site)
  if (siteId == null) return data
  const site = await loadSite(req, siteId)
  const settings = settingsOf(site)
  const moveName = typeof requested === 'string' ? (requested as MoveName) : undefined
  const to: State = operation === 'create' ? 'draft' : isState(data.state) ? data.state : from
  if (operation === 'create' && data.state && data.state !== 'draft') {
    refuse([
      `新建的稿件只能是草稿，请保存后再${STATE_LABELS[data.state as State] === '待审核' ? '提交' : '办理'}`,
    ])
  }
  data.state = to
  const merged: Doc = { ...original, ...data }

  // Content rules that hold with or without a move.
  // Server code without a user (scripts, imports) is trusted with content; moves still need a mover.
  if (req.user && from === to && operation === 'update' && contentChanged(data, original)) {
    if (contentLocked(from)) refuse(['已签发的稿件不能修改内容；如需修改，请先退回'])
    if (
      isLive(from) &&
      !isPlatformAdmin(actor) &&
      !hasSiteRole(actor, siteId, 'site-admin', 'signer')
    ) {
      refuse(['已发布的信息只能由本站签发人或站点管理员修改'])
    }
  }
  if ('docNumber' in data && String(data.docNumber ?? '') !== String(original.docNumber ?? '')) {
    const signed =
      Boolean(original.signedAt || original.indexNumber) || isLive(from) || contentLocked(from)
    const blockers = docNumberChangeBlockers({
      before: original.docNumber as string,
      after: data.docNumber as string,
      signed,
      voided: signed && (await docNumberVoided(req, original)),
    })
    if (blockers.length) refuse(blockers)
    if (data.docNumber) await checkManualDocNumber(req, merged, idOf(original.id))
  }
  if (
    data.numberingSeries != null &&
    idOf(data.numberingSeries) !== idOf(original.numberingSeries)
  ) {
    const series = await loadSeries(req, idOf(data.numberingSeries)!)
    if (!series || String(idOf(series.site)) !== String(siteId)) {
      refuse(['所选文号序列不属于本站，请重新选择'])
    }
  }
  if (from === to) return data

  // The platform's clock (scheduled publishing, timed unpublishing) moves as the site admin would.
  const mover: Actor | null = req.context.systemMove
    ? { id: 'system', sites: [{ site: siteId, roles: ['site-admin'] }] }
    : actor
  const blockers = moveBlockers({
    actor: mover,
    article: {
      site: siteId,
      state: from,
      submittedBy: idOf(original.submittedBy) ?? null,
      scheduledAt: (merged.scheduledAt as string) ?? null,
    },
    to,
    move: moveName,
    reason,
    settings,
    now,
  })
  if (blockers.length) refuse(blockers, 403)
  const move = findMove(from, to, moveName)!

  // Signing and any publish of unsigned or changed content: metadata, then the checks.
  const signing = assignsNumbers(from, to, move.name)
  if (signing) {
    const problems = signingProblems({
      issuingOrgan: merged.issuingOrgan as string,
      dateFormed: merged.dateFormed as string,
      disclosureMode: merged.disclosureMode as string,
      disclosureReason: merged.disclosureReason as string,
      orgCode: site.orgCode,
    })
    if (problems.length) refuse(problems)
    if (merged.numberingSeries != null) {
      const series = await loadSeries(req, idOf(merged.numberingSeries)!)
      if (!series || String(idOf(series.site)) !== String(siteId)) {
        refuse(['所选文号序列不属于本站，请重新选择'])
      }
      if (series?.active === false) refuse([`文号序列“${series.name}”已停用`])
    }
  }
  if (signing || (to === 'published' && from === 'withdrawn' && contentChanged(data, original))) {
    const findings = await checkArticle(req, merged)
    if (blocksPublishing(findings, Boolean(merged.checksConfirmed))) {
      const shown = findings.filter(
        (f) => f.severity === 'block' || (f.severity === 'confirm' && !merged.checksConfirmed),
      )
      refuse(['发布前检查未通过', ...shown.map((f) => f.message)])
    }
  }

  // The move's effects.
  const at = now.toISOString()
  if (to === 'submitted') {
    data.submittedBy = actor?.id
    data.submittedAt = at
  }
  if (to === 'returned') data.returnReason = reason
  if (to === 'withdrawn') {
    data.withdrawnReason = reason
    data.withdrawnAt = at
  }
  if (to === 'unpublished') {
    data.unpublishedReason = reason
    data.unpublishedAt = at
  }
  if (to === 'published') {
    if (!original.publishedAt || from !== 'withdrawn') data.publishedAt = original.publishedAt ?? at
    data.scheduledAt = null
  }
  if (move.name === 'emergency') {
    data.emergency = true
    data.emergencyReason = reason
    data.emergencyReviewedAt = null
  }
  data.history = [
    ...((original.history as unknown[]) ?? []).map((h) => {
      const row = { ...(h as Doc) }
      delete row.id
      return row
    }),
    { at, by: actor?.id, from, to, move: move.name, reason: reason || undefined },
  ]
  req.context.workflow = { move: move.name, from, to, reason } satisfies MoveRecord

  // Numbers last: nothing after this refuses, so a taken number is a used number.
  if (signing) {
    data.signedAt = at
    const year = beijingYear(now)
    const articleId = idOf(original.id)!
    if (!original.indexNumber) {
      data.indexNumber = (
        await takeIndexNumber(req, {
          orgCode: site.orgCode!,
          year,
          site: siteId,
          article: articleId,
        })
      ).number
    }
    const seriesId = idOf(merged.numberingSeries)
    if (merged.docNumber) {
      const parsed = parseDocNumber(String(merged.docNumber))
      if (parsed) {
        await recordManualDocNumber(req, {
          number: String(merged.docNumber),
          series: seriesId,
          year: parsed.year,
          seq: parsed.seq,
          site: siteId,
          article: articleId,
        })
      }
    } else if (seriesId != null) {
      const series = (await loadSeries(req, seriesId))!
      data.docNumber = (
        await takeDocNumber(req, {
          series: seriesId,
          prefix: series.prefix,
          year,
          site: siteId,
          article: articleId,
        })
      ).number
    }
  }
  return data
}

/**
 * Only a site admin marks an emergency publication as reviewed afterwards. The mark is the
 * server's time, set once: a person asks for it with any value, and cannot date or undo it.
 */
export const guardEmergencyReview: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (req.context.seeding) return data
  if (operation === 'create') {
    if (req.user) data.emergencyReviewedAt = null
    return data
  }
  if (!originalDoc || !('emergencyReviewedAt' in data)) return data
  const before = (originalDoc.emergencyReviewedAt as string | null | undefined) ?? null
  const asked = Boolean(data.emergencyReviewedAt) && !before
  if (asked) {
    const actor = toActor(req.user)
    if (!isPlatformAdmin(actor) && !hasSiteRole(actor, idOf(originalDoc.site), 'site-admin')) {
      refuse(['只有站点管理员可以确认紧急发布已复核'], 403)
    }
    if (!originalDoc.emergency) refuse(['该信息不是紧急发布，无需复核'])
  }
  // Server code without a user (scripts, imports) may still set or clear it.
  if (req.user) {
    data.emergencyReviewedAt = markValue({
      requested: data.emergencyReviewedAt,
      before,
      now: new Date(),
    })
  }
  return data
}

const MOVE_SUBJECTS: Partial<Record<State, string>> = {
  submitted: '有稿件待审核',
  reviewed: '有稿件待签发',
  returned: '稿件被退回',
  signed: '有已签发稿件待发布（须在 60 分钟内上线）',
}

/** After a move: the audit event, and mail to the next people to act. */
export const afterMove: CollectionAfterChangeHook = async ({ doc, req }) => {
  const record = req.context.workflow as MoveRecord | undefined
  if (!record) return doc
  delete req.context.workflow
  const site = idOf(doc.site)
  void recordAudit(req.payload, {
    ...actorOf(req),
    site,
    action: `article.${record.move}`,
    target: `${ARTICLES}:${doc.id}`,
    detail: {
      from: record.from,
      to: record.to,
      reason: record.reason || undefined,
      indexNumber: doc.indexNumber || undefined,
      docNumber: doc.docNumber || undefined,
    },
  })
  const roles = nextActors(record.to)
  if (record.move === 'emergency') roles.push('site-admin')
  if (site == null || (!roles.length && record.to !== 'returned')) return doc
  const subject =
    record.move === 'emergency'
      ? `紧急发布待复核：${doc.title}`
      : `${MOVE_SUBJECTS[record.to] ?? `稿件${STATE_LABELS[record.to]}`}：${doc.title}`
  const text = [
    `《${doc.title}》已由 ${(req.user as { name?: string } | null)?.name ?? '系统'} ${STATE_LABELS[record.to]}。`,
    record.reason ? `理由：${record.reason}` : '',
    `请登录管理后台办理：/admin/collections/${ARTICLES}/${doc.id}`,
  ]
    .filter(Boolean)
    .join('\n')
  // Mail is sent after the request, outside its transaction.
  const payload = req.payload
  setImmediate(() => {
    void (async () => {
      const to =
        record.to === 'returned' && doc.submittedBy
          ? await payload
              .findByID({
                collection: 'users',
                id: idOf(doc.submittedBy)!,
                depth: 0,
                overrideAccess: true,
                disableErrors: true,
              })
              .then((u) =>
                u ? [{ id: u.id, email: (u as unknown as { email: string }).email }] : [],
              )
          : await peopleWithRoles(payload, site, roles)
      await notify(payload, {
        to,
        subject,
        text,
        kind: `workflow.${record.move}`,
        site,
        target: `${ARTICLES}:${doc.id}`,
        except: req.user?.id,
      })
    })()
  })
  return doc
}

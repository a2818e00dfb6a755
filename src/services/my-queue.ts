// "待我处理": the items waiting for this person, by the roles they hold on each site.
import type { Payload, Where } from 'payload'

import { APPLICANT_KIND_LABELS } from '../domain/disclosure'

import type { Id } from '../domain/ids'
import { ARTICLES, DISCLOSURE_REQUESTS, LETTERS, SHARES, SITES } from '../domain/slugs'
import { type Actor, isPlatformAdmin, sitesWithRole, WRITE_RULES } from '../domain/permissions'
import { SHARE_STATUS_LABELS } from '../domain/sharing'
import { REQUEST_STATUS_LABELS } from '../domain/request-steps'
import { LETTER_STATUS_LABELS, type LetterStatus } from '../domain/letters'
import { letterHref, letterSupervisionList } from './letter-supervision'
import { reportHref, reportSupervisionList } from './error-report-supervision'
import { findSelected, type Selected, onSites } from './records'
import { supervisionList } from './supervision'

export type QueueItem = {
  id: Id
  title: string
  state: string
  site: Id
  why: string
  at?: string
  /** Where the item opens (articles when absent). */
  href?: string
  /** The state in words, when it is not an article's. */
  stateLabel?: string
}

const ARTICLE_FIELDS = [
  'title',
  'state',
  'site',
  'submittedBy',
  'signedAt',
  'scheduledAt',
  'updatedAt',
] as const
type QueuedArticle = Selected<typeof ARTICLES, (typeof ARTICLE_FIELDS)[number]>

export async function myQueue(
  payload: Payload,
  actor: Actor,
  now = new Date(),
): Promise<QueueItem[]> {
  const platform = isPlatformAdmin(actor)
  const as = (...roles: Parameters<typeof sitesWithRole>[1][]) =>
    platform ? null : sitesWithRole(actor, 'site-admin', ...roles).map(String)
  const sitesDocs = await payload.find({
    collection: SITES,
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { publishing: true },
  })
  const noReview = new Set(
    sitesDocs.docs
      .filter(
        (s) => (s as { publishing?: { reviewStep?: boolean } }).publishing?.reviewStep === false,
      )
      .map((s) => String(s.id)),
  )
  const hourAgo = new Date(now.getTime() - 60 * 60_000).toISOString()
  const minuteAgo = new Date(now.getTime() - 60_000).toISOString()
  const me = String(actor.id)
  const queries: {
    why: string
    sites: string[] | null
    where: Where
    filter?: (d: QueuedArticle) => boolean
  }[] = [
    {
      why: '被退回，待修改',
      sites: as('editor'),
      where: { and: [{ state: { equals: 'returned' } }, { submittedBy: { equals: actor.id } }] },
    },
    {
      why: '待审核',
      sites: as('reviewer'),
      where: { state: { equals: 'submitted' } },
      filter: (d) => !noReview.has(String(d.site)) && String(d.submittedBy) !== me,
    },
    {
      why: '待签发',
      sites: as('signer'),
      where: { state: { equals: 'reviewed' } },
      filter: (d) => String(d.submittedBy) !== me,
    },
    {
      why: '待签发（本站无审核环节）',
      sites: as('signer'),
      where: { state: { equals: 'submitted' } },
      filter: (d) => noReview.has(String(d.site)) && String(d.submittedBy) !== me,
    },
    {
      why: '已签发，待发布（60 分钟内）',
      sites: as('signer', 'editor'),
      where: { and: [{ state: { equals: 'signed' } }, { signedAt: { greater_than: hourAgo } }] },
    },
    {
      why: '【超时】签发已超过 60 分钟仍未发布',
      sites: as('signer', 'editor'),
      where: { and: [{ state: { equals: 'signed' } }, { signedAt: { less_than_equal: hourAgo } }] },
    },
    {
      why: '【告警】定时发布未按时上线',
      sites: as('signer'),
      where: {
        and: [{ state: { equals: 'scheduled' } }, { scheduledAt: { less_than_equal: minuteAgo } }],
      },
    },
    {
      why: '紧急发布，待复核',
      sites: as(),
      where: { and: [{ emergency: { equals: true } }, { emergencyReviewedAt: { exists: false } }] },
    },
  ]
  const out: QueueItem[] = []
  for (const q of queries) {
    if (q.sites && !q.sites.length) continue
    const { docs } = await findSelected(payload, {
      collection: ARTICLES,
      where: q.sites ? { and: [q.where, { site: { in: q.sites } }] } : q.where,
      limit: 50,
      pagination: false,
      sort: '-updatedAt',
      select: ARTICLE_FIELDS,
    })
    for (const d of docs) {
      if (q.filter && !q.filter(d)) continue
      out.push({
        id: d.id,
        title: d.title,
        state: d.state,
        site: d.site,
        why: q.why,
        at: d.signedAt ?? d.updatedAt,
      })
    }
  }
  out.push(...(await requestsWaiting(payload, actor)))
  out.push(...(await lettersWaiting(payload, actor)))
  out.push(...(await reportsWaiting(actor, payload)))
  out.push(...(await sharesWaiting(payload, actor)))
  return out
}

/** Other sites' articles shared into this person's sites, waiting for someone who may publish. */
async function sharesWaiting(payload: Payload, actor: Actor): Promise<QueueItem[]> {
  const sites = isPlatformAdmin(actor) ? true : sitesWithRole(actor, ...WRITE_RULES.shareDecision)
  if (sites !== true && !sites.length) return []
  const { docs } = await findSelected(payload, {
    collection: SHARES,
    where: {
      and: [{ status: { equals: 'pending' } }, ...onSites(sites)],
    },
    limit: 50,
    pagination: false,
    sort: 'createdAt',
    select: ['title', 'site', 'createdAt'],
  })
  return docs.map((d) => ({
    id: d.id,
    title: d.title,
    state: 'pending',
    stateLabel: SHARE_STATUS_LABELS.pending,
    site: d.site,
    why: '其他站点共享的稿件，待接收',
    at: d.createdAt,
    href: `/admin/collections/${SHARES}/${d.id}`,
  }))
}

/** 政府信息公开申请 Q7K2…（法人或其他组织）：请公开本机关2025年度预算执行… */
const requestTitle = (r: { trackingCode: string; applicantKind: string; subject: string }) =>
  `政府信息公开申请 ${r.trackingCode}${r.applicantKind ? `（${r.applicantKind}）` : ''}${
    r.subject ? `：${r.subject.length > 30 ? `${r.subject.slice(0, 30)}…` : r.subject}` : ''
  }`

/** Disclosure requests waiting on a handler: new ones to register, overdue, due soon. */
async function requestsWaiting(payload: Payload, actor: Actor): Promise<QueueItem[]> {
  const sites = isPlatformAdmin(actor) ? true : sitesWithRole(actor, 'site-admin', 'handler')
  if (sites !== true && !sites.length) return []
  const href = (id: Id) => `/admin/collections/${DISCLOSURE_REQUESTS}/${id}`
  const fresh = await findSelected(payload, {
    collection: DISCLOSURE_REQUESTS,
    where: {
      and: [{ status: { equals: 'received' } }, ...onSites(sites)],
    },
    limit: 50,
    sort: 'receivedAt',
    select: ['trackingCode', 'site', 'createdAt', 'applicantKind', 'description'],
  })
  const items: QueueItem[] = fresh.docs.map((d) => ({
    id: d.id,
    title: requestTitle({
      trackingCode: d.trackingCode ?? '',
      applicantKind: APPLICANT_KIND_LABELS[d.applicantKind] ?? '',
      subject: d.description ?? '',
    }),
    state: 'received',
    stateLabel: REQUEST_STATUS_LABELS.received,
    site: d.site,
    why: '待登记受理',
    // When it was submitted: the day of receipt is a date, which would read as 12:00.
    at: d.createdAt,
    href: href(d.id as Id),
  }))
  const list = await supervisionList(payload, { sites })
  for (const [why, rows] of [
    ['依申请公开已逾期', list.overdue],
    ['依申请公开即将到期', list.dueSoon],
  ] as const) {
    for (const r of rows) {
      items.push({
        id: r.id,
        title: `${requestTitle(r)}（答复截止日 ${r.dueDate}）`,
        state: r.status,
        stateLabel: r.statusLabel,
        site: r.site,
        why,
        at: r.submittedAt,
        href: href(r.id),
      })
    }
  }
  return items
}

/** Letters waiting on a handler: new ones to accept, answers to review, 差评 to follow up, and
 * those overdue, due soon or near the three-month veto. */
async function lettersWaiting(payload: Payload, actor: Actor): Promise<QueueItem[]> {
  const sites = isPlatformAdmin(actor) ? true : sitesWithRole(actor, 'site-admin', 'handler')
  if (sites !== true && !sites.length) return []
  const me = String(actor.id)
  const { docs } = await findSelected(payload, {
    collection: LETTERS,
    where: {
      and: [{ status: { in: ['submitted', 'reviewing', 'following'] } }, ...onSites(sites)],
    },
    limit: 100,
    sort: 'receivedAt',
    select: ['number', 'subject', 'site', 'status', 'receivedAt', 'answeredBy'],
  })
  const WHY: Partial<Record<LetterStatus, string>> = {
    submitted: '来信待受理',
    reviewing: '来信答复待审核',
    following: '差评待跟进',
  }
  const items: QueueItem[] = []
  for (const d of docs) {
    const status = d.status
    // Nobody reviews their own answer.
    if (status === 'reviewing' && String(d.answeredBy ?? '') === me) continue
    items.push({
      id: d.id,
      title: `来信 ${d.number ?? ''}：${d.subject}`,
      state: status,
      stateLabel: LETTER_STATUS_LABELS[status],
      site: d.site,
      why: WHY[status] ?? '',
      at: d.receivedAt,
      href: letterHref(d.id),
    })
  }
  const list = await letterSupervisionList(payload, { sites })
  for (const [why, rows] of [
    ['来信已逾期', list.overdue],
    ['来信即将到期', list.dueSoon],
    ['来信接近或超过三个月未答复', list.veto],
  ] as const) {
    for (const r of rows) {
      items.push({
        id: r.id,
        title: `来信 ${r.number}（${r.stageLabel}期限 ${r.due}）`,
        state: r.status,
        stateLabel: r.statusLabel,
        site: r.site,
        why,
        at: r.receivedAt,
        href: letterHref(r.id),
      })
    }
  }
  return items
}

/** Error reports (我要纠错) waiting for an answer on the person's sites; overdue ones say so. */
async function reportsWaiting(actor: Actor, payload: Payload): Promise<QueueItem[]> {
  const sites = isPlatformAdmin(actor) ? true : sitesWithRole(actor, 'site-admin', 'handler')
  const rows = await reportSupervisionList(payload, { sites })
  return rows.map((r) => ({
    id: r.id,
    title: `纠错（${r.typeLabel}）：${r.url}`,
    state: 'received',
    stateLabel: r.overdue ? `已逾期（期限 ${r.dueDate}）` : `待处理（期限 ${r.dueDate}）`,
    site: r.site,
    why: r.overdue ? '【逾期】纠错未答复' : '纠错待处理',
    at: r.receivedAt,
    href: reportHref(r.id),
  }))
}

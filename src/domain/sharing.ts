// Sharing across the site group (一次录入、大家共用): an article of one site shown in columns of
// other sites, pushed by its editor or pulled by a receiving column's subscription, accepted or
// declined by the receiving site. Pure: no Payload, no database.
import { type Id, sameId } from './ids'
import { type Actor, hasSiteRole, isPlatformAdmin, WRITE_RULES } from './permissions'

export const SHARE_STATUSES = ['pending', 'accepted', 'declined'] as const
export type ShareStatus = (typeof SHARE_STATUSES)[number]
export const SHARE_STATUS_LABELS: Record<ShareStatus, string> = {
  pending: '待接收',
  accepted: '已接收',
  declined: '已拒绝',
}

export const SHARE_VIAS = ['push', 'subscription'] as const
export type ShareVia = (typeof SHARE_VIAS)[number]
export const SHARE_VIA_LABELS: Record<ShareVia, string> = {
  push: '来源站点推送',
  subscription: '本站栏目订阅',
}

/** A receiving column as the rules need it. */
export type ReceivingColumn = {
  id: Id
  site: Id
  name: string
  /** The receiving site shows nothing before its own staff accept it (共享稿件需本站审核). */
  review: boolean
  /** Whether the receiving site is open (closed and merged sites receive nothing). */
  siteOpen: boolean
}

/** One placement of an article in another site's column, as stored. */
export type ShareRow = {
  id: Id
  column: Id
  site: Id
  via: ShareVia
  sourceColumn?: Id | null
  status: ShareStatus
}

export const initialShareStatus = (review: boolean): ShareStatus =>
  review ? 'pending' : 'accepted'

/** Why an editor's choice of columns to share into is refused (none: it may be stored). */
export function shareTargetProblems({
  originSite,
  targets,
  known,
}: {
  originSite: Id
  targets: Id[]
  /** The chosen columns that exist. */
  known: ReceivingColumn[]
}): string[] {
  const problems: string[] = []
  if (known.length !== new Set(targets.map(String)).size)
    problems.push('共享栏目中有已删除的栏目，请重新选择')
  const own = known.filter((c) => sameId(c.site, originSite))
  if (own.length)
    problems.push(
      `栏目“${own.map((c) => c.name).join('、')}”属于本站，请在“所属栏目”中选择，共享只能选其他站点的栏目`,
    )
  const closed = known.filter((c) => !c.siteOpen && !sameId(c.site, originSite))
  if (closed.length)
    problems.push(`栏目“${closed.map((c) => c.name).join('、')}”所在站点已关停或整合，不能共享`)
  return problems
}

/** Why a column's subscriptions are refused: only other sites' columns, not itself. */
export function subscriptionProblems({
  site,
  sources,
  known,
}: {
  site: Id
  sources: Id[]
  known: { id: Id; site: Id; name: string }[]
}): string[] {
  const problems: string[] = []
  if (known.length !== new Set(sources.map(String)).size)
    problems.push('订阅的栏目中有已删除的栏目，请重新选择')
  const own = known.filter((c) => sameId(c.site, site))
  if (own.length)
    problems.push(
      `栏目“${own.map((c) => c.name).join('、')}”属于本站：订阅只能选其他站点的栏目（本站栏目的内容请直接归入）`,
    )
  return problems
}

export type SharePlan = {
  add: { column: Id; site: Id; status: ShareStatus; sourceColumn?: Id }[]
  remove: Id[]
}

/**
 * The editor's pushes: one row per chosen column. A column no longer chosen loses its row
 * (whatever its status); a chosen column keeps its row (a declined one stays declined: pushing
 * again does not overrule the receiving site). A column already holding the article through a
 * subscription gets no second row.
 */
export function planPushes({
  existing,
  chosen,
}: {
  existing: ShareRow[]
  chosen: ReceivingColumn[]
}): SharePlan {
  const chosenIds = new Set(chosen.map((c) => String(c.id)))
  const held = new Set(existing.map((r) => String(r.column)))
  return {
    add: chosen
      .filter((c) => c.siteOpen && !held.has(String(c.id)))
      .map((c) => ({ column: c.id, site: c.site, status: initialShareStatus(c.review) })),
    remove: existing
      .filter((r) => r.via === 'push' && !chosenIds.has(String(r.column)))
      .map((r) => r.id),
  }
}

/** A column subscribing to columns of other sites. */
export type Subscriber = ReceivingColumn & { sources: Id[] }

/**
 * The rows a published article needs for the columns subscribing to any of its columns: one per
 * subscribing column of another site that holds no row for it yet (a declined row is an answer
 * and stays; the article's own site never subscribes to itself).
 */
export function planSubscriptions({
  article,
  subscribers,
  existing,
}: {
  article: { site: Id; columns: Id[] }
  subscribers: Subscriber[]
  existing: ShareRow[]
}): SharePlan {
  const held = new Set(existing.map((r) => String(r.column)))
  const columns = new Set(article.columns.map(String))
  const add: SharePlan['add'] = []
  for (const s of subscribers) {
    if (!s.siteOpen || sameId(s.site, article.site) || held.has(String(s.id))) continue
    const source = s.sources.find((c) => columns.has(String(c)))
    if (source === undefined) continue
    held.add(String(s.id))
    add.push({
      column: s.id,
      site: s.site,
      status: initialShareStatus(s.review),
      sourceColumn: source,
    })
  }
  return { add, remove: [] }
}

/** Where lists show the article besides its own site: accepted rows' columns and their sites. */
export function placements(rows: Pick<ShareRow, 'column' | 'site' | 'status'>[]): {
  columns: Id[]
  sites: Id[]
} {
  const accepted = rows.filter((r) => r.status === 'accepted')
  const unique = (ids: Id[]) => [...new Map(ids.map((id) => [String(id), id])).values()]
  return {
    columns: unique(accepted.map((r) => r.column)),
    sites: unique(accepted.map((r) => r.site)),
  }
}

/** Who answers a share on the receiving site: the people who may publish there. */
export const canDecideShare = (actor: Actor | null | undefined, site: Id): boolean =>
  isPlatformAdmin(actor) || hasSiteRole(actor, site, ...WRITE_RULES.shareDecision)

/** Why a decision on a share is refused. */
export function decisionProblems({
  to,
  reason,
}: {
  to: unknown
  reason: string | null | undefined
}): string[] {
  if (!SHARE_STATUSES.includes(to as ShareStatus)) return ['接收状态只能是待接收、已接收或已拒绝']
  if (to === 'declined' && !reason?.trim()) return ['拒绝共享稿件时请填写理由，来源站点会看到']
  return []
}

// The sharing use cases (一次录入、大家共用): an editor's pushes and a receiving column's
// subscriptions made into share rows, a receiving site's answer, and where lists show an
// article — its placements, kept on the article (`sharedInto`, `sharedSites`) so that a list is
// one query — true after every change. Collections' hooks only adapt these (collections/hooks/
// sharing.ts); the rules are src/domain/sharing.ts.
import type { PayloadRequest, Where } from 'payload'

import { type Id, idOf, idsOf, sameId } from '../domain/ids'
import type { Refusal } from '../domain/refusal'
import {
  canDecideShare,
  decisionProblems,
  placements,
  planPushes,
  planSubscriptions,
  type ReceivingColumn,
  type SharePlan,
  type ShareRow,
  type Subscriber,
  shareTargetProblems,
  subscriptionProblems,
} from '../domain/sharing'
import { isListed, type SiteStatus } from '../domain/sites'
import { toActor } from '../domain/permissions'
import { ARTICLES, COLUMNS, SHARES, SITES } from '../domain/slugs'
import { purgePages } from './cache-purges'
import { notify, peopleWithRoles } from './notify'
import { tags } from './page-cache'
import { findAllSelected, findOneSelected } from './records'
import { reindexArticle } from './search-index'

type Req = PayloadRequest
type Doc = Record<string, unknown>

/** How many of a source column's newest published items a new subscription takes in. */
export const SUBSCRIPTION_BACKFILL = 100

const unique = (ids: Id[]): Id[] => [...new Map(ids.map((id) => [String(id), id])).values()]
const sameSet = (a: unknown, b: unknown): boolean =>
  JSON.stringify(idsOf(a).map(String).sort()) === JSON.stringify(idsOf(b).map(String).sort())

async function openSites(req: Req, ids: Id[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const sites = await findAllSelected(req.payload, {
    collection: SITES,
    where: { id: { in: unique(ids) } },
    select: ['status'],
    req,
  })
  return new Set(
    sites.filter((s) => isListed((s.status ?? 'active') as SiteStatus)).map((s) => String(s.id)),
  )
}

/** Columns where a share lands: their site, whether it is open, whether they review. */
async function receivingWhere(req: Req, where: Where): Promise<Subscriber[]> {
  const columns = await findAllSelected(req.payload, {
    collection: COLUMNS,
    where,
    select: ['site', 'name', 'shareReview', 'subscriptions'],
    req,
  })
  const open = await openSites(req, idsOf(columns.map((c) => c.site)))
  return columns.map((c) => ({
    id: c.id,
    site: idOf(c.site) as Id,
    name: c.name,
    review: c.shareReview !== false,
    siteOpen: open.has(String(idOf(c.site))),
    sources: idsOf(c.subscriptions),
  }))
}

/** The columns chosen, as receiving columns. */
const receivingColumns = async (req: Req, ids: Id[]): Promise<ReceivingColumn[]> =>
  ids.length ? receivingWhere(req, { id: { in: unique(ids) } }) : []

/** Columns of any site subscribing to any of these columns. */
const subscribersOf = async (req: Req, sources: Id[]): Promise<Subscriber[]> =>
  sources.length ? receivingWhere(req, { subscriptions: { in: sources } }) : []

async function sharesOf(req: Req, article: Id): Promise<ShareRow[]> {
  const rows = await findAllSelected(req.payload, {
    collection: SHARES,
    where: { article: { equals: article } },
    select: ['column', 'site', 'via', 'sourceColumn', 'status'],
    req,
  })
  return rows.map((r) => ({
    id: r.id,
    column: idOf(r.column) as Id,
    site: idOf(r.site) as Id,
    via: r.via,
    sourceColumn: idOf(r.sourceColumn) ?? null,
    status: r.status,
  }))
}

/** Why the columns an editor chose to share into are refused (only newly chosen are checked). */
export async function shareTargetRefusal(
  req: Req,
  { site, chosen, before }: { site: Id; chosen: Id[]; before: Id[] },
): Promise<Refusal | null> {
  const had = new Set(before.map(String))
  const added = unique(chosen).filter((id) => !had.has(String(id)))
  if (!added.length) return null
  const known = await receivingColumns(req, added)
  const reasons = shareTargetProblems({ originSite: site, targets: added, known })
  return reasons.length ? { reasons, path: 'shareTo' } : null
}

/**
 * An article moving to another site (a merger) keeps its pushes to other sites' columns; those
 * into its new site's own columns end (the article is now listed there as its own).
 */
export async function targetsOutside(req: Req, site: Id, chosen: Id[]): Promise<Id[]> {
  const known = await receivingColumns(req, chosen)
  const own = new Set(known.filter((c) => sameId(c.site, site)).map((c) => String(c.id)))
  return chosen.filter((id) => !own.has(String(id)))
}

/** Why a column's subscriptions are refused. */
export async function subscriptionRefusal(
  req: Req,
  { site, sources }: { site: Id; sources: Id[] },
): Promise<Refusal | null> {
  if (!sources.length) return null
  const known = await findAllSelected(req.payload, {
    collection: COLUMNS,
    where: { id: { in: unique(sources) } },
    select: ['site', 'name'],
    req,
  })
  const reasons = subscriptionProblems({
    site,
    sources: unique(sources),
    known: known.map((c) => ({ id: c.id, site: idOf(c.site) as Id, name: c.name })),
  })
  return reasons.length ? { reasons, path: 'subscriptions' } : null
}

type ArticleFacts = { id: Id; site: Id; title: string }

/** Every row of the article follows it (a new title, a new origin after a merger). */
async function updateRows(req: Req, article: Id, data: { title?: string; originSite?: Id }) {
  await req.payload.update({
    collection: SHARES,
    where: { article: { equals: article } },
    data,
    overrideAccess: true,
    depth: 0,
    req,
  })
}

/** Stores a plan's rows; tells the receiving sites' reviewers of each row waiting for them. */
async function applyPlan(
  req: Req,
  article: ArticleFacts,
  plan: SharePlan,
  via: ShareRow['via'],
): Promise<number> {
  for (const row of plan.add) {
    await req.payload.create({
      collection: SHARES,
      data: {
        key: `${article.id}:${row.column}`,
        title: article.title,
        article: article.id,
        originSite: article.site,
        site: row.site,
        column: row.column,
        via,
        sourceColumn: row.sourceColumn ?? null,
        status: row.status,
      } as never,
      overrideAccess: true,
      depth: 0,
      req,
    })
  }
  if (plan.remove.length) {
    await req.payload.delete({
      collection: SHARES,
      where: { id: { in: plan.remove } },
      overrideAccess: true,
      depth: 0,
      req,
    })
  }
  const waiting = plan.add.filter((r) => r.status === 'pending')
  for (const site of unique(waiting.map((r) => r.site))) {
    const to = await peopleWithRoles(req.payload, site, ['site-admin', 'reviewer', 'signer'], req)
    void notify(req.payload, {
      to,
      kind: 'share-pending',
      site,
      subject: `有其他站点共享的稿件待接收：${article.title}`,
      text: `其他站点共享了稿件“${article.title}”到本站栏目，接收后才会在本站显示。\n请在管理后台“内容 → 共享稿件”中接收或拒绝。`,
      target: `${SHARES}:${article.id}`,
    })
  }
  return plan.add.length + plan.remove.length
}

/**
 * After an article's change: its editor's pushes and, when it is (newly) published, the
 * subscriptions of other sites' columns to its columns, as rows; then its placements.
 */
export async function shareArticleChange(req: Req, doc: Doc, previous?: Doc): Promise<void> {
  const article: ArticleFacts = {
    id: doc.id as Id,
    site: idOf(doc.site) as Id,
    title: String(doc.title ?? ''),
  }
  const pushed = !sameSet(doc.shareTo, previous?.shareTo)
  const published = doc.state === 'published'
  const newlyListed =
    published && (previous?.state !== 'published' || !sameSet(doc.columns, previous?.columns))
  const retitled = previous != null && previous.title !== doc.title
  // Moved to another site (a merger carries a retired site's articles to its successor).
  const moved = previous != null && !sameId(previous.site, doc.site)
  if (!pushed && !newlyListed && !retitled && !moved) return
  let rows = await sharesOf(req, article.id)
  let changed = 0
  if (moved) {
    // Its rows now come from the new site; a row into the new site's own column has no purpose.
    const own = rows.filter((r) => sameId(r.site, article.site)).map((r) => r.id)
    changed += await applyPlan(req, article, { add: [], remove: own }, 'push')
    await updateRows(req, article.id, { originSite: article.site })
    rows = await sharesOf(req, article.id)
  }
  if (pushed) {
    const plan = planPushes({
      existing: rows,
      chosen: await receivingColumns(req, idsOf(doc.shareTo)),
    })
    changed += await applyPlan(req, article, plan, 'push')
    rows = await sharesOf(req, article.id)
  }
  if (newlyListed) {
    const plan = planSubscriptions({
      article: { site: article.site, columns: idsOf(doc.columns) },
      subscribers: await subscribersOf(req, idsOf(doc.columns)),
      existing: rows,
    })
    changed += await applyPlan(req, article, plan, 'subscription')
  }
  if (retitled && rows.length) await updateRows(req, article.id, { title: article.title })
  if (changed) await refreshPlacements(req, article.id)
}

/**
 * A column's subscriptions changed: a new source's newest published items come in (at most
 * SUBSCRIPTION_BACKFILL each), a dropped source's rows go (whatever their status).
 */
export async function subscriptionChange(req: Req, doc: Doc, previous?: Doc): Promise<void> {
  if (sameSet(doc.subscriptions, previous?.subscriptions)) return
  const before = new Set(idsOf(previous?.subscriptions).map(String))
  const after = new Set(idsOf(doc.subscriptions).map(String))
  const added = idsOf(doc.subscriptions).filter((id) => !before.has(String(id)))
  const dropped = idsOf(previous?.subscriptions).filter((id) => !after.has(String(id)))
  const touched = new Set<string>()
  if (dropped.length) {
    const gone = await findAllSelected(req.payload, {
      collection: SHARES,
      where: {
        and: [
          { column: { equals: doc.id } },
          { via: { equals: 'subscription' } },
          { sourceColumn: { in: dropped } },
        ],
      },
      select: ['article'],
      req,
    })
    if (gone.length) {
      await req.payload.delete({
        collection: SHARES,
        where: { id: { in: gone.map((r) => r.id) } },
        overrideAccess: true,
        depth: 0,
        req,
      })
      for (const r of gone) touched.add(String(idOf(r.article)))
    }
  }
  if (added.length) {
    const [subscriber] = await receivingColumns(req, [doc.id as Id])
    for (const source of added) {
      const items = await findAllSelected(req.payload, {
        collection: ARTICLES,
        where: { and: [{ columns: { in: [source] } }, { state: { equals: 'published' } }] },
        select: ['site', 'title', 'columns'],
        sort: '-publishedAt',
        limit: SUBSCRIPTION_BACKFILL,
        req,
      })
      for (const item of items.slice(0, SUBSCRIPTION_BACKFILL)) {
        const plan = planSubscriptions({
          article: { site: idOf(item.site) as Id, columns: idsOf(item.columns) },
          subscribers: [{ ...subscriber, sources: [source] }],
          existing: await sharesOf(req, item.id),
        })
        const facts = { id: item.id, site: idOf(item.site) as Id, title: item.title }
        if (await applyPlan(req, facts, plan, 'subscription')) touched.add(String(item.id))
      }
    }
  }
  for (const id of touched) await refreshPlacements(req, id)
}

/** A receiving column deleted: its rows go, and the articles it showed are placed again. */
export async function receivingColumnDeleted(req: Req, column: Id): Promise<void> {
  const rows = await findAllSelected(req.payload, {
    collection: SHARES,
    where: { column: { equals: column } },
    select: ['article'],
    req,
  })
  if (!rows.length) return
  await req.payload.delete({
    collection: SHARES,
    where: { column: { equals: column } },
    overrideAccess: true,
    depth: 0,
    req,
  })
  for (const id of unique(rows.map((r) => idOf(r.article) as Id))) await refreshPlacements(req, id)
}

/** An article deleted: its rows go with it. */
export async function sharedArticleDeleted(req: Req, article: Id): Promise<void> {
  await req.payload.delete({
    collection: SHARES,
    where: { article: { equals: article } },
    overrideAccess: true,
    depth: 0,
    req,
  })
}

/**
 * A receiving site's answer (accept / decline / back to pending): refused without the right or
 * a reason to decline; stamped with who and when.
 */
export function shareDecision(
  req: Req,
  { data, original }: { data: Doc; original: Doc },
): Refusal | null {
  if (!('status' in data) || data.status === original.status) return null
  const actor = toActor(req.user)
  if (req.user && !canDecideShare(actor, idOf(original.site) as Id)) {
    return {
      reasons: ['只有接收站点的站点管理员、审核人或签发人可以接收或拒绝共享稿件'],
      status: 403,
    }
  }
  const reasons = decisionProblems({
    to: data.status,
    reason: (('declineReason' in data ? data.declineReason : original.declineReason) ??
      '') as string,
  })
  if (reasons.length)
    return { reasons, path: data.status === 'declined' ? 'declineReason' : 'status' }
  data.decidedBy = actor?.id ?? null
  data.decidedAt = new Date().toISOString()
  return null
}

/** After an answer: the article's placements follow. */
export async function shareDecided(req: Req, doc: Doc, previous?: Doc): Promise<void> {
  if (previous && previous.status === doc.status) return
  await refreshPlacements(req, idOf(doc.article) as Id)
  if (doc.status === 'declined') await tellOriginOfDecline(req, doc)
}

/** A decline is mailed to the origin's editors and site admins, with the receiving site's reason. */
async function tellOriginOfDecline(req: Req, doc: Doc): Promise<void> {
  const origin = idOf(doc.originSite) as Id
  const [receiving, column] = await Promise.all([
    findOneSelected(req.payload, {
      collection: SITES,
      where: { id: { equals: idOf(doc.site) } },
      select: ['name'],
      req,
    }),
    findOneSelected(req.payload, {
      collection: COLUMNS,
      where: { id: { equals: idOf(doc.column) } },
      select: ['name'],
      req,
    }),
  ])
  const to = await peopleWithRoles(req.payload, origin, ['site-admin', 'editor'], req)
  const where = `${receiving?.name ?? '对方站点'}“${column?.name ?? ''}”栏目`
  void notify(req.payload, {
    to,
    kind: 'share-declined',
    site: origin,
    subject: `共享稿件未被接收：${String(doc.title ?? '')}`,
    text: `${where}未接收共享稿件“${String(doc.title ?? '')}”。\n理由：${String(doc.declineReason ?? '')}\n稿件在本站照常显示；可在稿件的“共享情况”中查看各站点的处理结果。`,
    target: `${ARTICLES}:${String(idOf(doc.article))}`,
  })
}

/**
 * Where the article is shown besides its own site, from its accepted rows, written on the
 * article (through the adapter: not a change of the article's content, no version, no workflow)
 * and the pages that show or showed it dropped; the search index follows.
 */
export async function refreshPlacements(req: Req, id: Id): Promise<void> {
  const article = await findOneSelected(req.payload, {
    collection: ARTICLES,
    where: { id: { equals: id } },
    select: ['sharedInto', 'sharedSites'],
    req,
  })
  if (!article) return
  const { columns, sites } = placements(await sharesOf(req, id))
  if (sameSet(article.sharedInto, columns) && sameSet(article.sharedSites, sites)) return
  await req.payload.db.updateOne({
    collection: ARTICLES,
    id,
    data: { sharedInto: columns, sharedSites: sites },
    req,
  })
  const lost = idsOf(article.sharedInto).some((c) => !columns.some((x) => sameId(x, c)))
  await purgePages(
    req,
    [
      tags.article(id),
      ...unique([...idsOf(article.sharedInto), ...columns]).map(tags.column),
      ...unique([...idsOf(article.sharedSites), ...sites]).map(tags.home),
    ],
    !lost,
  )
  await reindexArticle(req, id)
}

// Closing a site (关停) or merging it into a successor (整合): one guided action. `previewRetirement`
// shows what will happen (counts, columns, the URL mapping); `retireSite` does it — moves the
// chosen columns' articles to the successor (ids, numbers and history kept), keeps the rest as
// the archive, closes the mailboxes to new letters, installs the mapping, marks the site — and
// compares the counts before and after; `checkOldAddresses` then requests every old address
// through the public server (retire-check.ts). Rules: src/domain/site-retirement.ts.
import type { Payload, Where } from 'payload'

import { type Id, idsOf } from '../domain/ids'
import { OPEN_LETTER_STATUSES } from '../domain/letters'
import {
  type ColumnChoice,
  type Counts,
  countDifferences,
  type PlanInput,
  type RetireMode,
  type RetirementPlan,
  retirementPlan,
  retirementRefusals,
  suggestChoices,
} from '../domain/site-retirement'
import {
  ARTICLES,
  ATTACHMENTS,
  COLUMNS,
  DISCLOSURE_REQUESTS,
  ERROR_REPORTS,
  LETTERS,
  MAILBOXES,
  MEDIA,
  SITES,
  URL_MAPPINGS,
  USERS,
} from '../domain/slugs'
import { isLive } from '../domain/workflow'
import { type actorOf, recordAudit } from './audit'

/** Who acted, as the audit trail records a person. */
export type Actor = ReturnType<typeof actorOf>
import { findAllSelected, findOneSelected } from './records'

/** The audit trail's actions of a retirement. */
export const RETIRE_ACTIONS = ['site.merge', 'site.close'] as const

export type RetireInput = {
  site: Id
  successor: Id
  mode: RetireMode
  /** Per column; a column left out takes the suggestion (same path, else same name, else archive). */
  choices?: ColumnChoice[]
}

async function siteFacts(payload: Payload, id: Id) {
  const s = await findOneSelected(payload, {
    collection: SITES,
    where: { id: { equals: id } },
    select: ['slug', 'name', 'kind', 'status'],
  })
  return s
    ? {
        id: s.id,
        slug: s.slug,
        name: s.name,
        kind: s.kind ?? 'department',
        status: s.status ?? 'active',
      }
    : null
}

async function columnsOf(payload: Payload, site: Id) {
  const cols = await findAllSelected(payload, {
    collection: COLUMNS,
    where: { site: { equals: site } },
    select: ['name', 'path'],
    sort: 'path',
  })
  return cols.map((c) => ({ id: c.id, name: c.name, path: c.path ?? '' }))
}

/** The plan's input read from the database; null when a site does not exist. */
async function planInput(payload: Payload, input: RetireInput): Promise<PlanInput | null> {
  const [site, successor] = await Promise.all([
    siteFacts(payload, input.site),
    siteFacts(payload, input.successor),
  ])
  if (!site || !successor) return null
  const [columns, successorColumns, articles] = await Promise.all([
    columnsOf(payload, site.id),
    columnsOf(payload, successor.id),
    findAllSelected(payload, {
      collection: ARTICLES,
      where: { site: { equals: site.id } },
      select: ['columns', 'state'],
    }),
  ])
  return {
    mode: input.mode,
    site,
    successor,
    columns,
    successorColumns,
    articles: articles.map((a) => ({
      id: a.id,
      columns: idsOf(a.columns),
      published: isLive(a.state ?? ''),
    })),
    choices: input.choices ?? suggestChoices(input.mode, columns, successorColumns),
  }
}

/** The counts the action must keep: both sites together, before and after. */
export async function retirementCounts(payload: Payload, sites: Id[]): Promise<Counts> {
  const onSites: Where = { site: { in: sites } }
  const count = async (
    collection: Parameters<Payload['count']>[0]['collection'],
    where: Where = onSites,
  ) => (await payload.count({ collection, where, overrideAccess: true })).totalDocs
  const [articles, published, columns, letters, requests, errorReports, media, attachments, users] =
    await Promise.all([
      count(ARTICLES),
      count(ARTICLES, { and: [onSites, { state: { equals: 'published' } }] }),
      count(COLUMNS),
      count(LETTERS),
      count(DISCLOSURE_REQUESTS),
      count(ERROR_REPORTS),
      count(MEDIA),
      count(ATTACHMENTS),
      count(USERS, { 'sites.site': { in: sites } }),
    ])
  return {
    articles,
    published,
    columns,
    letters,
    requests,
    errorReports,
    files: media + attachments,
    users,
  }
}

export type RetirementPreview =
  | { ok: false; refusals: string[] }
  | {
      ok: true
      plan: RetirementPlan
      site: PlanInput['site']
      successor: PlanInput['successor']
      successorColumns: PlanInput['successorColumns']
      /** What the action touches on the retired site. */
      affected: {
        moving: number
        archived: number
        files: number
        openLetters: number
        openRequests: number
        users: number
        mailboxes: number
      }
    }

const CLOSED_REQUEST = ['answered', 'closed']

/** What the action will do, without doing it. */
export async function previewRetirement(
  payload: Payload,
  input: RetireInput,
): Promise<RetirementPreview> {
  const facts = await planInput(payload, input)
  if (!facts) return { ok: false, refusals: ['站点或承接站点不存在'] }
  const refusals = retirementRefusals(facts)
  if (refusals.length) return { ok: false, refusals }
  const plan = retirementPlan(facts)
  const onSite = { site: { equals: facts.site.id } }
  const count = async (collection: Parameters<Payload['count']>[0]['collection'], where: object) =>
    (await payload.count({ collection, where: where as never, overrideAccess: true })).totalDocs
  const [media, attachments, openLetters, openRequests, users, mailboxes] = await Promise.all([
    count(MEDIA, onSite),
    count(ATTACHMENTS, onSite),
    count(LETTERS, { and: [onSite, { status: { in: [...OPEN_LETTER_STATUSES] } }] }),
    count(DISCLOSURE_REQUESTS, { and: [onSite, { status: { not_in: CLOSED_REQUEST } }] }),
    count(USERS, { 'sites.site': { equals: facts.site.id } }),
    count(MAILBOXES, onSite),
  ])
  return {
    ok: true,
    plan,
    site: facts.site,
    successor: facts.successor,
    successorColumns: facts.successorColumns,
    affected: {
      moving: plan.moves.length,
      archived: plan.archived.length,
      files: media + attachments,
      openLetters,
      openRequests,
      users,
      mailboxes,
    },
  }
}

export type RetirementResult =
  | { ok: false; refusals: string[] }
  | { ok: true; plan: RetirementPlan; before: Counts; after: Counts; differences: string[] }

/** Carries the plan out. Nothing is deleted: the retired site's records stay as they were. */
export async function retireSite(
  payload: Payload,
  input: RetireInput,
  { by, now = new Date() }: { by?: Actor; now?: Date } = {},
): Promise<RetirementResult> {
  const preview = await previewRetirement(payload, input)
  if (!preview.ok) return preview
  const { plan, site, successor } = preview
  const sites = [site.id, successor.id]
  const before = await retirementCounts(payload, sites)

  // The chosen columns' articles move: same ids, numbers and history; new site and columns.
  for (const move of plan.moves) {
    await payload.update({
      collection: ARTICLES,
      id: move.id,
      data: { site: successor.id, columns: move.columns } as never,
      overrideAccess: true,
      context: { siteMove: true, retiring: true },
    })
  }
  // No new letters on a retired site; the open ones stay answerable by their handlers.
  await payload.update({
    collection: MAILBOXES,
    where: { site: { equals: site.id } },
    data: { open: false } as never,
    overrideAccess: true,
  })
  await payload.delete({
    collection: URL_MAPPINGS,
    where: { site: { equals: site.id } },
    overrideAccess: true,
  })
  for (const m of plan.mappings) {
    await payload.create({
      collection: URL_MAPPINGS,
      data: {
        site: site.id,
        fromPath: m.fromPath,
        match: m.match,
        keepRest: Boolean(m.keepRest),
        status: String(m.status) as '301' | '410',
        toSite: successor.id,
        toPath: m.toPath,
        kind: m.kind,
      } as never,
      overrideAccess: true,
    })
  }
  await payload.update({
    collection: SITES,
    id: site.id,
    data: {
      status: plan.mode === 'merge' ? 'merged' : 'closed',
      successor: successor.id,
      closedAt: now.toISOString(),
    } as never,
    overrideAccess: true,
  })
  const after = await retirementCounts(payload, sites)
  const differences = countDifferences(before, after)
  await recordAudit(payload, {
    action: RETIRE_ACTIONS[plan.mode === 'merge' ? 0 : 1],
    user: by?.user ?? null,
    userEmail: by?.userEmail ?? null,
    site: site.id,
    target: `${SITES}:${site.id}`,
    detail: {
      successor: successor.id,
      moved: plan.moves.map((m) => m.id),
      archived: plan.archived,
      columns: plan.columns.map((c) => ({ from: c.from.id, to: c.to?.id ?? null })),
      mappings: plan.mappings.length,
      before,
      after,
    },
  })
  return { ok: true, plan, before, after, differences }
}

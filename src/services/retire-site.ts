// Closing a site (关停) or merging it into a successor (整合): one guided action. `previewRetirement`
// shows what will happen (counts, columns, the URL mapping); `retireSite` does it — moves the
// chosen columns' articles to the successor (ids, numbers and history kept), keeps the rest as
// the archive, closes the mailboxes to new letters, installs the mapping, marks the site — and
// compares the counts before and after; `checkOldAddresses` then requests every old address
// through the public server. Rules: src/domain/site-retirement.ts.
import http from 'node:http'

import type { Payload, Where } from 'payload'

import { csvTable } from '../domain/csv'
import { type Id, idOf, idsOf, sameId } from '../domain/ids'
import { OPEN_LETTER_STATUSES } from '../domain/letters'
import {
  answerFor,
  type ColumnChoice,
  type Counts,
  countDifferences,
  mappingKey,
  type PlanInput,
  prefixesOf,
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
import { recordAudit } from './audit'
import { findAllSelected, findOneSelected } from './records'

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
  { by, now = new Date() }: { by?: Id | null; now?: Date } = {},
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
    action: plan.mode === 'merge' ? 'site.merge' : 'site.close',
    user: by ?? null,
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

type MappingRow = {
  fromPath: string
  match: 'exact' | 'prefix'
  keepRest: boolean
  status: 301 | 410
  toPath: string
  toSite: Id
}

/** How an old address of a retired site answers (its row, a prefix row, or the fallback). */
export async function mappingAnswer(
  payload: Payload,
  site: { id: Id; slug: string },
  path: string,
) {
  const rows = await findAllSelected(payload, {
    collection: URL_MAPPINGS,
    where: {
      and: [
        { site: { equals: site.id } },
        {
          or: [
            { and: [{ match: { equals: 'exact' } }, { fromPath: { equals: mappingKey(path) } }] },
            { and: [{ match: { equals: 'prefix' } }, { fromPath: { in: prefixesOf(path) } }] },
          ],
        },
      ],
    },
    select: ['fromPath', 'match', 'keepRest', 'status', 'toPath', 'toSite'],
  })
  const typed: MappingRow[] = rows.map((r) => ({
    fromPath: r.fromPath,
    match: r.match === 'prefix' ? 'prefix' : 'exact',
    keepRest: Boolean(r.keepRest),
    status: r.status === '410' ? 410 : 301,
    toPath: r.toPath,
    toSite: idOf(r.toSite)!,
  }))
  const answer = answerFor(path, typed, site.slug)
  const row = typed.find((r) => r.toPath === answer.toPath || answer.toPath.startsWith(r.toPath))
  return { ...answer, toSite: row?.toSite ?? null }
}

/** The old addresses (exact rows) of the given retired sites, for /sitemap-redirects.xml. */
export async function redirectedPaths(payload: Payload, sites: Id[]) {
  if (!sites.length) return []
  const rows = await findAllSelected(payload, {
    collection: URL_MAPPINGS,
    where: { and: [{ site: { in: sites } }, { match: { equals: 'exact' } }] },
    select: ['site', 'fromPath', 'updatedAt'],
    sort: 'fromPath',
  })
  return rows.map((r) => ({ site: idOf(r.site)!, path: r.fromPath, updatedAt: r.updatedAt }))
}

/** The rows as CSV: one site's, or every retired site's. */
export async function mappingsCsv(payload: Payload, site: Id | null): Promise<string> {
  const rows = await findAllSelected(payload, {
    collection: URL_MAPPINGS,
    where: site == null ? {} : { site: { equals: site } },
    select: ['site', 'fromPath', 'match', 'keepRest', 'status', 'toSite', 'toPath', 'kind'],
    sort: 'fromPath',
  })
  const sites = await findAllSelected(payload, { collection: SITES, select: ['slug'] })
  const slug = (id: unknown) => sites.find((s) => sameId(s.id, id))?.slug ?? String(idOf(id) ?? '')
  return csvTable([
    ['原站点', '旧地址', '匹配方式', '保留其后路径', '应答', '承接站点', '新地址', '类别'],
    ...rows.map((r) => [
      slug(r.site),
      r.fromPath,
      r.match === 'prefix' ? '以此开头' : '完全一致',
      r.keepRest ? '是' : '否',
      r.status,
      slug(r.toSite),
      r.toPath,
      r.kind ?? '',
    ]),
  ])
}

type Reply = { status: number; location: string | null }

function get(url: string, host: string, timeoutMs = 15_000): Promise<Reply> {
  return new Promise((resolve) => {
    const req = http.get(
      url,
      { headers: { host, 'user-agent': 'Jiyue-Retirement-Check/1' } },
      (res) => {
        res.resume()
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: (res.headers.location as string) ?? null,
          }),
        )
      },
    )
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')))
    req.on('error', () => resolve({ status: 0, location: null }))
  })
}

export type AddressCheck = {
  checked: number
  /** Old addresses that did not answer as the mapping says, one sentence each. */
  failures: string[]
}

/**
 * Requests every old address of a retired site (exact rows) through this platform's public
 * server with the old Host: each must answer 301 to a page that answers 200, or 410 with an
 * archived copy that answers 200.
 */
export async function checkOldAddresses(
  payload: Payload,
  site: Id,
  { port, hostOf }: { port: number; hostOf: (site: Id) => string | null },
): Promise<AddressCheck> {
  const oldHost = hostOf(site)
  if (!oldHost) return { checked: 0, failures: ['原站点没有可访问的域名'] }
  const rows = await findAllSelected(payload, {
    collection: URL_MAPPINGS,
    where: { and: [{ site: { equals: site } }, { match: { equals: 'exact' } }] },
    select: ['fromPath', 'status', 'toSite', 'toPath'],
    sort: 'fromPath',
  })
  const base = `http://127.0.0.1:${port}`
  const failures: string[] = []
  for (const r of rows) {
    const first = await get(base + r.fromPath, oldHost)
    const want = Number(r.status)
    if (first.status !== want) {
      failures.push(`${r.fromPath}：应答 ${first.status || '无'}，应为 ${want}`)
      continue
    }
    const target = want === 301 ? first.location : r.toPath
    const toHost = hostOf(idOf(r.toSite)!)
    if (!target || !toHost) {
      failures.push(`${r.fromPath}：没有新地址`)
      continue
    }
    const url = new URL(target, `http://${toHost}`)
    const second = await get(base + url.pathname + url.search, url.host)
    if (second.status !== 200)
      failures.push(
        `${r.fromPath} → ${url.pathname}${url.search}：应答 ${second.status || '无'}，应为 200`,
      )
  }
  return { checked: rows.length, failures }
}

// Audits sites: reads one site's facts (columns, published items, letters, mailboxes, error
// reports), runs the rules of src/domain/site-audit.ts, stores the run in `site-audits` and mails
// the owners. The read models of /admin/audit are site-audit-overview.ts.
import type { Payload, Where } from 'payload'

import { thresholdsFrom } from '../domain/audit-settings'
import { beijingDateTime, dayOf } from '../domain/dates'
import type { Id } from '../domain/ids'
import { isUnanswered } from '../domain/letters'
import { checkableUrl } from '../domain/link-check'
import { bodyLinks } from '../domain/prepublish'
import {
  type AuditColumn,
  type AuditItem,
  type AuditThresholds,
  auditSite,
  ITEM_STATUS_LABELS,
  nextFailure,
  type SiteFacts,
} from '../domain/site-audit'
import {
  ARTICLES,
  COLUMNS,
  ERROR_REPORTS,
  LETTERS,
  MAILBOXES,
  PLATFORM_SETTINGS,
  SITE_AUDITS,
  SITE_PROBES,
  SITES,
} from '../domain/slugs'
import { addCalendarDays } from '../domain/workdays'
import { notify, peopleWithRoles } from './notify'
import { linkAnswers } from './external-links'
import { linkStatuses } from './link-status'
import { countStored, findAllSelected, findOneSelected, scanSelected } from './records'
import { todayInBeijing } from './request-clock'

/** Items entered within this many days are checked for backdating on each run. */
export const RECENT_DAYS = 90

/** Sites the nightly run audits: open ones (active or being rectified). */
export const AUDITED_STATUSES = ['active', 'rectifying']

/** The facts the audit judges, read from the database for one site on one day. */
export async function siteAuditFacts(payload: Payload, site: Id, now: Date): Promise<SiteFacts> {
  const today = todayInBeijing(now)
  const yearAgo = addCalendarDays(today, -366)
  const published: Where = { and: [{ site: { equals: site } }, { state: { equals: 'published' } }] }
  const recentSince = addCalendarDays(today, -RECENT_DAYS)
  const [columns, recent, linked, letters, mailboxes, probes, reports] = await Promise.all([
    scanSelected(payload, {
      collection: COLUMNS,
      where: { site: { equals: site } },
      select: ['name', 'path', 'updateClass', 'parent', 'showOnHome', 'isDisclosure'],
    }),
    // Backdated items are looked for among those entered lately: older ones were judged by
    // earlier runs (kept in the history).
    scanSelected(payload, {
      collection: ARTICLES,
      where: { and: [published, { createdAt: { greater_than: `${recentSince}T00:00:00Z` } }] },
      select: ['title', 'publishedAt', 'createdAt', 'signedAt'],
    }),
    // Links: only bodies that have any (marked on save; unmarked old records are read too).
    scanSelected(payload, {
      collection: ARTICLES,
      where: { and: [published, { hasLinks: { not_equals: false } }] },
      select: ['columns', 'body'],
    }),
    scanSelected(payload, {
      collection: LETTERS,
      where: {
        and: [{ site: { equals: site } }, { receivedAt: { greater_than: `${yearAgo}T00:00:00Z` } }],
      },
      select: ['number', 'receivedAt', 'answeredAt', 'status'],
    }),
    scanSelected(payload, {
      collection: MAILBOXES,
      where: { site: { equals: site } },
      select: ['open'],
    }),
    scanSelected(payload, {
      collection: SITE_PROBES,
      where: {
        and: [
          { site: { equals: site } },
          { at: { greater_than: `${addCalendarDays(today, -8)}T16:00:00Z` } },
        ],
      },
      select: ['at', 'ok'],
    }),
    scanSelected(payload, {
      collection: ERROR_REPORTS,
      where: { and: [{ site: { equals: site } }, { status: { equals: 'received' } }] },
      select: ['dueDate'],
    }),
  ])

  const parents = new Set(
    columns
      .map((c) => c.parent)
      .filter((p) => p != null)
      .map(String),
  )
  // Each column's published items and latest date: one indexed query per column (never every
  // item of the site).
  const inColumn = new Map(
    await Promise.all(
      columns.map(async (c) => {
        const [newest] = await scanSelected(payload, {
          collection: ARTICLES,
          where: { and: [published, { columns: { in: [c.id] } }] },
          select: ['publishedAt'],
          sort: '-publishedAt',
          limit: 1,
        })
        const latest = newest?.publishedAt
        return [
          String(c.id),
          { items: newest ? 1 : 0, latest: latest ? dayOf(latest) : null },
        ] as const
      }),
    ),
  )
  const auditColumns: AuditColumn[] = columns.map((c) => ({
    id: c.id,
    name: c.name,
    path: c.path ?? '',
    updateClass: c.updateClass,
    topLevel: c.parent == null,
    hasChildren: parents.has(String(c.id)),
    ...(inColumn.get(String(c.id)) ?? { items: 0, latest: null }),
  }))
  // The home page shows the columns marked for it; a home page of navigation only counts every
  // column (RULES §1: no update on any second-level page).
  const homeColumns = auditColumns.filter((c) => columns.find((x) => x.id === c.id)?.showOnHome)
  const homeLatest =
    (homeColumns.length ? homeColumns : auditColumns)
      .map((c) => c.latest)
      .filter((d): d is string => d != null)
      .sort()
      .at(-1) ?? null

  const disclosureColumns = columns.filter((c) => c.isDisclosure).map((c) => c.id)
  const blank = (field: string): Where[] => [
    { [field]: { exists: false } },
    { [field]: { equals: '' } },
  ]
  const missingDisclosure = disclosureColumns.length
    ? await countStored(payload, ARTICLES, {
        and: [
          published,
          { columns: { in: disclosureColumns } },
          {
            or: [
              ...blank('indexNumber'),
              ...blank('issuingOrgan'),
              { topic: { exists: false } },
              { genre: { exists: false } },
            ],
          },
        ],
      })
    : 0

  // Links in the published items: internal ones looked up (missing or unpublished is dead);
  // links elsewhere by the link checker's stored answers (counted as unchecked until it asked).
  const status = await linkStatuses(
    payload,
    linked.map((a) => a.body),
  )
  const pathOf = new Map(columns.map((c) => [String(c.id), c.path ?? '']))
  const pagesOf = new Map<string, Set<string>>()
  for (const a of linked)
    for (const link of bodyLinks(a.body)) {
      const page = `/${pathOf.get(String(a.columns?.[0])) ?? ''}/${a.id}.html`.replace('//', '/')
      pagesOf.set(link.url, (pagesOf.get(link.url) ?? new Set()).add(page))
    }
  const internal = Object.entries(status).filter(([, s]) => s !== 'external')
  const external = Object.entries(status)
    .filter(([, s]) => s === 'external')
    .map(([url]) => [url, checkableUrl(url)] as const)
    .filter((e): e is readonly [string, string] => e[1] != null)
  const answers = await linkAnswers(
    payload,
    external.map(([, checked]) => checked),
  )
  const answered = external.filter(([, checked]) => answers.has(checked))

  return {
    today,
    homeLatest,
    columns: auditColumns,
    hasChannel: mailboxes.some((m) => m.open !== false),
    letters: letters
      .filter((l) => l.status !== 'rejected')
      .map((l) => ({
        code: l.number ?? String(l.id),
        receivedAt: dayOf(l.receivedAt),
        answeredAt: l.answeredAt && !isUnanswered(l.status) ? dayOf(l.answeredAt) : null,
      })),
    // In Beijing time: the audit counts the probes of the last seven Beijing days.
    probes: probes.map((p) => ({ at: beijingDateTime(p.at), ok: Boolean(p.ok) })),
    links: [
      ...internal.map(([url, s]) => ({
        url,
        dead: s === 'missing' || s === 'unpublished',
        pages: [...(pagesOf.get(url) ?? [])],
      })),
      ...answered.map(([url, checked]) => {
        const answer = answers.get(checked)!
        return {
          url,
          dead: answer.status !== 'ok',
          pages: [...(pagesOf.get(url) ?? [])],
          external: true,
          httpStatus: answer.httpStatus,
          error: answer.error,
        }
      }),
    ],
    externalLinks: external.length - answered.length,
    itemsSince: recentSince,
    items: recent
      .filter((a) => a.publishedAt)
      .map((a) => ({
        id: a.id,
        title: a.title,
        shownAt: dayOf(a.publishedAt!),
        createdAt: a.createdAt,
        signedAt: a.signedAt,
      })),
    missingDisclosure,
    overdueErrorReports: reports.filter((r) => r.dueDate && dayOf(r.dueDate) < today).length,
  }
}

export type AuditRun = {
  id: Id
  site: Id
  siteName: string
  status: 'pass' | 'warning' | 'fail'
  worst: string | null
  failsOn: string | null
}

/** The thresholds platform admins set (平台设置 → 网站体检阈值), national figures where empty. */
export async function auditThresholds(payload: Payload): Promise<AuditThresholds> {
  const stored = await payload.findGlobal({
    slug: PLATFORM_SETTINGS,
    overrideAccess: true,
    depth: 0,
  })
  return thresholdsFrom(stored.audit)
}

/** Audits one site now and stores the run (with the platform's thresholds unless given). */
export async function runSiteAudit(
  payload: Payload,
  site: Id,
  {
    now = new Date(),
    trigger,
    by,
    thresholds,
  }: {
    now?: Date
    trigger: 'nightly' | 'manual' | 'cli'
    by?: Id
    thresholds?: AuditThresholds
  },
): Promise<AuditRun> {
  const info = await findOneSelected(payload, {
    collection: SITES,
    where: { id: { equals: site } },
    select: ['name'],
  })
  if (!info) throw new Error(`站点 ${site} 不存在`)
  const result = auditSite(
    await siteAuditFacts(payload, site, now),
    thresholds ?? (await auditThresholds(payload)),
  )
  const countdown = nextFailure(result.items)
  const worst = result.worst
    ? `${result.worst.label}（${ITEM_STATUS_LABELS[result.worst.status]}）：${result.worst.summary}`
    : null
  const items = result.items
  const stored = await payload.create({
    collection: SITE_AUDITS,
    overrideAccess: true,
    data: {
      title: `${info.name} ${todayInBeijing(now)} 体检`,
      // The stored id's own type (a form posts it as text; SQL ids are numbers).
      site: info.id,
      ranAt: now.toISOString(),
      status: result.status,
      worst,
      failsOn: countdown?.date ?? null,
      failsOnText: countdown?.text ?? null,
      trigger,
      ranBy: by,
      items,
    },
  })
  await mailOwners(payload, {
    run: stored.id,
    site: info.id,
    siteName: info.name,
    status: result.status,
    items,
  })
  return {
    id: stored.id,
    site: info.id,
    siteName: info.name,
    status: result.status,
    worst,
    failsOn: countdown?.text ?? null,
  }
}

/**
 * Tells the site's admins what failed or is about to (one mail per run, listing each item once;
 * a run that passes sends nothing). Recorded in `notifications` under the run's key.
 */
async function mailOwners(
  payload: Payload,
  {
    run,
    site,
    siteName,
    status,
    items,
  }: {
    run: Id
    site: Id
    siteName: string
    status: 'pass' | 'warning' | 'fail'
    items: AuditItem[]
  },
): Promise<void> {
  const flagged = items.filter((i) => i.status === 'fail' || i.status === 'warning')
  if (status === 'pass' || !flagged.length) return
  const lines = flagged.flatMap((i) => [
    `■ ${i.label}（${ITEM_STATUS_LABELS[i.status]}${i.veto ? '，单项否决' : ''}）：${i.summary}`,
    ...(i.failsOn && i.status !== 'fail' ? [`  倒计时：${i.failsOn.text}`] : []),
    ...i.evidence.slice(0, 5).map((e) => `  - ${e}`),
    ...(i.evidence.length > 5 ? [`  - ……共 ${i.evidence.length} 条，详见管理后台`] : []),
  ])
  const failed = flagged.filter((i) => i.status === 'fail').map((i) => i.label)
  await notify(payload, {
    to: await peopleWithRoles(payload, site, ['site-admin']),
    kind: 'site-audit',
    site,
    key: `site-audit:${run}`,
    target: `/admin/audit?site=${site}`,
    subject: failed.length
      ? `【网站体检】${siteName}不合格：${failed.join('、')}`
      : `【网站体检】${siteName}预警：${flagged.map((i) => i.label).join('、')}`,
    text: [
      `${siteName}在今天的网站体检中${failed.length ? '未通过' : '有检查项接近限值'}：`,
      '',
      ...lines,
      '',
      `请登录管理后台“网站体检”（/admin/audit?site=${site}）查看全部证据。`,
    ].join('\n'),
  })
}

/** Audits every open site, one after another (the nightly job and `npm run audit:sites`). */
export async function auditAllSites(
  payload: Payload,
  options: { now?: Date; trigger: 'nightly' | 'manual' | 'cli'; thresholds?: AuditThresholds },
): Promise<AuditRun[]> {
  const sites = await findAllSelected(payload, {
    collection: SITES,
    where: { status: { in: AUDITED_STATUSES } },
    select: ['slug'],
    sort: 'slug',
  })
  const thresholds = options.thresholds ?? (await auditThresholds(payload))
  const runs: AuditRun[] = []
  for (const s of sites) runs.push(await runSiteAudit(payload, s.id, { ...options, thresholds }))
  return runs
}

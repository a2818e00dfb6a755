// The public record of interaction for a set of sites and a period: the sites' settings, their
// letters and error reports read once, the table computed by src/domain/feedback-stats.ts.
import type { Payload, Where } from 'payload'

import { dayInstant, dayOf } from '../domain/dates'
import type { ReportRow } from '../domain/error-reports'
import {
  type FeedbackSite,
  type FeedbackTable,
  feedbackTable,
  type Period,
  periodDays,
} from '../domain/feedback-stats'
import { type Id, idOf } from '../domain/ids'
import { ERROR_REPORTS, SITES } from '../domain/slugs'
import { isListed, type SiteStatus } from '../domain/sites'
import { letterRows } from './letter-stats'
import { todayInBeijing } from './request-clock'
import { loadWorkCalendar } from './work-calendar'

type SiteDoc = {
  id: Id
  slug: string
  name: string
  kind: string
  status: SiteStatus
  interaction?: { rankingMinimum?: number | null; defaultSatisfied?: boolean | null } | null
}

/** The sites whose record is shown: one site, or every listed site (portal first). */
export async function feedbackSites(payload: Payload, site: Id | null): Promise<FeedbackSite[]> {
  const res = await payload.find({
    collection: SITES,
    where: site == null ? {} : { id: { equals: site } },
    select: { slug: true, name: true, kind: true, status: true, interaction: true },
    depth: 0,
    limit: 0,
    pagination: false,
    sort: 'slug',
    overrideAccess: true,
  })
  return (res.docs as unknown as SiteDoc[])
    .filter((s) => site != null || isListed(s.status))
    .sort((a, b) => Number(b.kind === 'portal') - Number(a.kind === 'portal'))
    .map((s) => ({
      id: s.id,
      slug: s.slug,
      name: s.name,
      kind: s.kind,
      minimum: s.interaction?.rankingMinimum,
      defaultSatisfied: s.interaction?.defaultSatisfied,
    }))
}

type ReportDoc = {
  site: unknown
  receivedAt: string
  status: string
  dueDate?: string | null
  answeredAt?: string | null
}

/** The error reports received in [first, last] (YYYY-MM-DD) on the site (or all). */
export async function reportRows(
  payload: Payload,
  { site, first, last }: { site: Id | null; first: string; last: string },
): Promise<ReportRow[]> {
  const where: Where = {
    and: [
      { receivedAt: { greater_than_equal: dayInstant(first) } },
      { receivedAt: { less_than_equal: dayInstant(last) } },
      ...(site == null ? [] : [{ site: { equals: site } }]),
    ],
  }
  const rows: ReportRow[] = []
  for (let page = 1; ; page++) {
    const res = await payload.find({
      collection: ERROR_REPORTS,
      where,
      select: { site: true, receivedAt: true, status: true, dueDate: true, answeredAt: true },
      depth: 0,
      limit: 1000,
      page,
      overrideAccess: true,
      context: { noViewAudit: true },
    })
    for (const d of res.docs as unknown as ReportDoc[])
      rows.push({
        site: idOf(d.site)!,
        receivedAt: dayOf(d.receivedAt),
        status: d.status,
        dueDate: d.dueDate ? dayOf(d.dueDate) : null,
        answeredAt: d.answeredAt ? dayOf(d.answeredAt) : null,
      })
    if (!res.hasNextPage) break
  }
  return rows
}

/** The table for the sites (one, or every listed site) and the period. */
export async function feedbackFigures(
  payload: Payload,
  { site, period, now = new Date() }: { site: Id | null; period: Period; now?: Date },
): Promise<FeedbackTable> {
  const today = todayInBeijing(now)
  const { first, last } = periodDays(period)
  const [sites, letters, reports, calendar] = await Promise.all([
    feedbackSites(payload, site),
    letterRows(payload, { site, from: first, to: last }),
    reportRows(payload, { site, first, last }),
    loadWorkCalendar(payload),
  ])
  return feedbackTable({ sites, letters, reports, period, today, calendar })
}

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
import type { Id } from '../domain/ids'
import { ERROR_REPORTS, SITES } from '../domain/slugs'
import { isListed, SITE_STATUS_LABELS } from '../domain/sites'
import { letterRows } from './letter-stats'
import { findAllSelected } from './records'
import { todayInBeijing } from './request-clock'
import { loadWorkCalendar } from './work-calendar'

/** The sites whose record is shown: one site, or every listed site (portal first). */
export async function feedbackSites(payload: Payload, site: Id | null): Promise<FeedbackSite[]> {
  const sites = await findAllSelected(payload, {
    collection: SITES,
    where: site == null ? {} : { id: { equals: site } },
    select: ['slug', 'name', 'kind', 'status', 'interaction'],
    sort: 'slug',
  })
  // Retired sites keep their history under their own name (the table drops them from periods
  // in which they had nothing).
  return sites
    .sort((a, b) => Number(b.kind === 'portal') - Number(a.kind === 'portal'))
    .map((s) => ({
      id: s.id,
      slug: s.slug,
      name: isListed(s.status) ? s.name : `${s.name}（${SITE_STATUS_LABELS[s.status]}）`,
      retired: site == null && !isListed(s.status),
      kind: s.kind,
      minimum: s.interaction?.rankingMinimum,
      defaultSatisfied: s.interaction?.defaultSatisfied,
    }))
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
  const docs = await findAllSelected(payload, {
    collection: ERROR_REPORTS,
    where,
    select: ['site', 'receivedAt', 'status', 'dueDate', 'answeredAt'],
    limit: 1000,
  })
  return docs.map((d) => ({
    site: d.site,
    receivedAt: dayOf(d.receivedAt),
    status: d.status,
    dueDate: d.dueDate ? dayOf(d.dueDate) : null,
    answeredAt: d.answeredAt ? dayOf(d.answeredAt) : null,
  }))
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

// The first-hour report for a period, over the sites a person may read.
import type { Payload, Where } from 'payload'

import { ARTICLES, SITES } from '../domain/slugs'
import { type FirstHourItem, firstHourReport } from '../domain/first-hour'
import { type Actor, readableSites } from '../domain/permissions'
import { firstHourSettings } from './publishing-sweep'
import { findAllSelected } from './records'

type Id = string | number

export async function loadFirstHourReport(
  payload: Payload,
  {
    actor,
    from,
    to,
    site,
    now = new Date(),
  }: { actor: Actor | null; from: string; to: string; site?: Id | null; now?: Date },
) {
  const readable = readableSites(actor)
  if (readable !== true && !readable.length) return null
  const scope: Where[] = []
  if (readable !== true) scope.push({ site: { in: readable } })
  if (site != null && site !== '') scope.push({ site: { equals: site } })
  const [articles, sites] = await Promise.all([
    findAllSelected(payload, {
      collection: ARTICLES,
      where: {
        and: [
          ...scope,
          { signedAt: { greater_than_equal: from } },
          { signedAt: { less_than: to } },
        ],
      },
      select: ['title', 'site', 'signedAt', 'publishedAt', 'emergency', 'state'],
    }),
    findAllSelected(payload, { collection: SITES, select: ['name'] }),
  ])
  const names = new Map(sites.map((s) => [String(s.id), s.name]))
  const items: FirstHourItem[] = articles.map((a) => ({
    id: a.id,
    title: a.title,
    site: a.site,
    siteName: names.get(String(a.site)),
    signedAt: a.signedAt ?? '',
    // An emergency publish is signed and published in one move.
    publishedAt:
      a.publishedAt && ['published', 'withdrawn', 'unpublished'].includes(a.state ?? '')
        ? a.publishedAt
        : null,
    emergency: a.emergency ?? undefined,
  }))
  return firstHourReport({ items, from, to, now, settings: firstHourSettings() })
}

/** The period asked for in a query string, as Beijing calendar days: default the last 30 days. */
export function periodOf(query: { from?: unknown; to?: unknown }, now = new Date()) {
  const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null)
  const beijingToday = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  const to = day(query.to) ?? beijingToday
  const from =
    day(query.from) ??
    new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10)
  // Beijing midnight = 16:00 UTC the day before.
  const start = new Date(Date.parse(`${from}T00:00:00+08:00`)).toISOString()
  const end = new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000).toISOString()
  return { fromDay: from, toDay: to, from: start, to: end }
}

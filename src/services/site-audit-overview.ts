// The audit's read models behind /admin/audit: the platform at a glance (each site's last run
// and the runs before) and one site's history. Runs are written by site-audit.ts.
import type { Payload } from 'payload'

import type { Id } from '../domain/ids'
import type { AuditItem } from '../domain/site-audit'
import { SITE_AUDITS, SITES } from '../domain/slugs'
import { findAllSelected, findSelected } from './records'

export type AuditOverviewRow = {
  site: { id: Id; name: string; slug: string; status: string }
  latest: {
    id: Id
    ranAt: string
    status: 'pass' | 'warning' | 'fail'
    worst: string | null
    failsOn: string | null
    failsOnText: string | null
  } | null
  /** Outcomes of the last runs, oldest first. */
  trend: ('pass' | 'warning' | 'fail')[]
}

const TREND_RUNS = 7

/** The platform at a glance: each site the person may see, its last run and the runs before. */
export async function auditOverview(
  payload: Payload,
  sites: true | Id[],
): Promise<AuditOverviewRow[]> {
  const list = await findAllSelected(payload, {
    collection: SITES,
    where: sites === true ? {} : { id: { in: sites } },
    select: ['name', 'slug', 'status'],
    sort: 'slug',
  })
  const rows: AuditOverviewRow[] = []
  for (const s of list) {
    const runs = await findSelected(payload, {
      collection: SITE_AUDITS,
      where: { site: { equals: s.id } },
      select: ['ranAt', 'status', 'worst', 'failsOn', 'failsOnText'],
      sort: '-ranAt',
      limit: TREND_RUNS,
      pagination: false,
    })
    const last = runs.docs[0]
    rows.push({
      site: { id: s.id, name: s.name, slug: s.slug, status: s.status ?? 'active' },
      latest: last
        ? {
            id: last.id,
            ranAt: last.ranAt,
            status: last.status,
            worst: last.worst ?? null,
            failsOn: last.failsOn ?? null,
            failsOnText: last.failsOnText ?? null,
          }
        : null,
      trend: runs.docs.map((r) => r.status).reverse(),
    })
  }
  return rows
}

/** One site's runs, newest first, the newest with its items and evidence. */
export async function siteAuditHistory(payload: Payload, site: Id, limit = 30) {
  const runs = await findSelected(payload, {
    collection: SITE_AUDITS,
    where: { site: { equals: site } },
    select: ['ranAt', 'status', 'worst', 'failsOnText', 'trigger', 'items'],
    sort: '-ranAt',
    limit,
    pagination: false,
  })
  // A json field, written by runSiteAudit from the domain's AuditItem[].
  return runs.docs.map((r) => ({ ...r, items: r.items as unknown as AuditItem[] }))
}

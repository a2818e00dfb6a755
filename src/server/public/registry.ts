// Sites and their column trees, held in memory and reloaded when a site or column changes.
import type { Payload } from 'payload'

import { DEFAULT_REPORT_DAYS } from '../../domain/error-reports'
import { idOf } from '../../domain/ids'
import { type SiteFacts, type SiteStatus } from '../../domain/sites'
import { pageCache } from '../../services/page-cache'
import type { SiteIdentity } from '../render/view-models'

export type SiteRecord = SiteFacts &
  SiteIdentity & {
    /** The logo's file name in the media collection, if the site has one. */
    logo: string | null
    leaders: { name: string; title: string; duties: string; bio: string }[]
    successor: string | number | null
    /** The 政府信息公开 settings (guide facts; whether the portal's catalogue takes in departments). */
    disclosure: {
      includeDepartments: boolean
      office: string
      address: string
      postcode: string
      hours: string
      phone: string
      fax: string
      email: string
      guideNotes: string
    }
    /** Working days an error report (我要纠错) is answered within (site setting). */
    errorReportDays: number
    /** 热门搜索 the site's admins chose for its search page. */
    hotSearches: string[]
  }

export type ColumnRecord = {
  id: string | number
  name: string
  slug: string
  path: string
  parent: string | number | null
  updateClass: string
  isDisclosure: boolean
  showOnHome: boolean
  order: number
}

export type SiteColumns = {
  all: ColumnRecord[]
  byPath: Map<string, ColumnRecord>
  byId: Map<string, ColumnRecord>
  top: ColumnRecord[]
  children: (id: string | number) => ColumnRecord[]
  /** The column and all columns below it. */
  subtree: (id: string | number) => ColumnRecord[]
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')

/** While the database fails, how long the last good list stands before the next attempt. */
const RETRY_MS = 2000

export function createRegistry(payload: Payload, { now = Date.now } = {}) {
  let sites: Promise<SiteRecord[]> | null = null
  // The last loaded list, for the synchronous cache fast path; null while it is being reloaded.
  let snapshot: SiteRecord[] | null = null
  // The last list and trees that loaded, kept through purges: when the database is down they
  // still map hosts to sites, so cached pages are found and the rest can say "try later".
  let lastSites: SiteRecord[] | null = null
  let sitesRetryAt = 0
  const columns = new Map<string, Promise<SiteColumns>>()
  const lastColumns = new Map<string, SiteColumns>()

  pageCache.onPurge((tags) => {
    for (const tag of tags) {
      if (tag === 'platform') sites = snapshot = null
      const m = /^site:(.+)$/.exec(tag)
      if (m) {
        sites = snapshot = null
        columns.delete(m[1])
      }
    }
  })

  async function loadSites(): Promise<SiteRecord[]> {
    const found = await payload.find({
      collection: 'sites',
      // The logo's file name only (the masthead shows it).
      depth: 1,
      populate: { media: { filename: true }, sites: { slug: true } },
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
    return found.docs.map((d: Record<string, unknown>) => ({
      id: d.id as string | number,
      slug: str(d.slug),
      name: str(d.name),
      kind: d.kind === 'portal' ? 'portal' : 'department',
      theme: d.theme === 'portal' ? 'portal' : 'department',
      status: (d.status as SiteStatus) ?? 'active',
      domains: ((d.domains as { domain: string }[] | undefined) ?? []).map((x) => x.domain),
      siteIdCode: str(d.siteIdCode),
      orgName: str(d.orgName),
      sponsor: str(d.sponsor),
      operator: str(d.operator),
      icp: str(d.icp),
      psbRecord: str(d.psbRecord),
      address: str(d.address),
      postcode: str(d.postcode),
      phone: str(d.phone),
      officeHours: str(d.officeHours),
      logo: str((d.logo as { filename?: unknown } | null | undefined)?.filename) || null,
      leaders: ((d.leaders as SiteRecord['leaders'] | undefined) ?? []).map((l) => ({
        name: str(l.name),
        title: str(l.title),
        duties: str(l.duties),
        bio: str(l.bio),
      })),
      successor: idOf(d.successor) ?? null,
      disclosure: ((x: Record<string, unknown>) => ({
        includeDepartments: x.includeDepartments === true,
        office: str(x.office),
        address: str(x.address),
        postcode: str(x.postcode),
        hours: str(x.hours),
        phone: str(x.phone),
        fax: str(x.fax),
        email: str(x.email),
        guideNotes: str(x.guideNotes),
      }))((d.disclosure as Record<string, unknown> | undefined) ?? {}),
      errorReportDays:
        Number((d.interaction as { errorReportDays?: unknown } | undefined)?.errorReportDays) ||
        DEFAULT_REPORT_DAYS,
      hotSearches: Array.isArray(d.hotSearches)
        ? (d.hotSearches as unknown[]).map(str).filter(Boolean)
        : [],
    }))
  }

  async function loadColumns(siteId: string | number): Promise<SiteColumns> {
    const found = await payload.find({
      collection: 'columns',
      where: { site: { equals: siteId } },
      depth: 0,
      limit: 0,
      pagination: false,
      sort: 'order',
      overrideAccess: true,
    })
    const all: ColumnRecord[] = found.docs.map((d: Record<string, unknown>) => ({
      id: d.id as string | number,
      name: str(d.name),
      slug: str(d.slug),
      path: str(d.path),
      parent: idOf(d.parent) ?? null,
      updateClass: str(d.updateClass),
      isDisclosure: Boolean(d.isDisclosure),
      showOnHome: Boolean(d.showOnHome),
      order: Number(d.order ?? 0),
    }))
    const byId = new Map(all.map((c) => [String(c.id), c]))
    const children = (id: string | number) =>
      all.filter((c) => c.parent != null && String(c.parent) === String(id))
    const subtree = (id: string | number): ColumnRecord[] => {
      const root = byId.get(String(id))
      if (!root) return []
      const out = [root]
      for (let i = 0; i < out.length; i++) out.push(...children(out[i].id))
      return out
    }
    return {
      all,
      byId,
      byPath: new Map(all.map((c) => [c.path, c])),
      top: all.filter((c) => c.parent == null || !byId.has(String(c.parent))),
      children,
      subtree,
    }
  }

  return {
    /**
     * Every site. When the database fails and a list loaded before, that list answers (and the
     * database is asked again after RETRY_MS, not on every request); otherwise the error.
     */
    sites(): Promise<SiteRecord[]> {
      if (!sites) {
        if (lastSites && now() < sitesRetryAt) return Promise.resolve(lastSites)
        const loading = loadSites().then(
          (list) => {
            if (sites === loading) snapshot = list
            lastSites = list
            return list
          },
          (err: unknown) => {
            if (sites === loading) sites = null
            sitesRetryAt = now() + RETRY_MS
            if (lastSites) return lastSites
            throw err
          },
        )
        sites = loading
      }
      return sites
    },
    snapshot(): SiteRecord[] | null {
      return snapshot
    },
    /** A site's columns; the last tree that loaded when the database fails, as for sites. */
    columns(siteId: string | number): Promise<SiteColumns> {
      const key = String(siteId)
      let entry = columns.get(key)
      if (!entry) {
        const loading = loadColumns(siteId).then(
          (tree) => {
            lastColumns.set(key, tree)
            return tree
          },
          (err: unknown) => {
            if (columns.get(key) === loading) columns.delete(key)
            const last = lastColumns.get(key)
            if (last) return last
            throw err
          },
        )
        entry = loading
        columns.set(key, entry)
      }
      return entry
    },
  }
}

export type Registry = ReturnType<typeof createRegistry>

// What the disclosure catalogue reads: the platform's classification lists, the sites whose
// entries a catalogue lists, and one page of entries with the issuing organs to choose from —
// through the Local API with the public's own access.
import type { Where } from 'payload'

import { beijingYearRange, type CatalogueFilter } from '../../domain/catalogue'
import { isListed } from '../../domain/sites'
import type { PageContext } from './context'
import { PER_PAGE } from './pages'
import type { SiteRecord } from './registry'

type DisclosureSettings = SiteRecord['disclosure']

export type CatalogueDoc = {
  id: string | number
  title: string
  summary?: string | null
  indexNumber?: string | null
  docNumber?: string | null
  issuingOrgan?: string | null
  dateFormed?: string | null
  validity?: string | null
  site?: string | number | { id: string | number } | null
  columns?: (string | number | { id: string | number })[] | null
}

type ListDoc = { id: string | number; name?: string | null }

/** A platform-wide classification list (主题分类 / 体裁分类), in its set order. */
export async function classification(
  ctx: PageContext,
  collection: 'disclosure-topics' | 'disclosure-genres',
): Promise<ListDoc[]> {
  const res = await ctx.payload.find({
    collection,
    depth: 0,
    limit: 0,
    pagination: false,
    sort: ['order', 'name'],
    select: { name: true },
    overrideAccess: false,
  })
  return res.docs as ListDoc[]
}

/** What every catalogue entry is: published, proactively disclosed, with an index number. */
const entries = (siteIds: (string | number)[]): Where[] => [
  { site: { in: siteIds } },
  { state: { equals: 'published' } },
  { disclosureMode: { equals: 'proactive' } },
  { indexNumber: { exists: true } },
  { indexNumber: { not_equals: '' } },
]

function filterWhere(filter: CatalogueFilter): Where[] {
  const w: Where[] = []
  if (filter.topic) w.push({ topic: { equals: filter.topic } })
  if (filter.genre) w.push({ genre: { equals: filter.genre } })
  if (filter.organ) w.push({ issuingOrgan: { equals: filter.organ } })
  if (filter.year) {
    const { from, to } = beijingYearRange(filter.year)
    w.push({ dateFormed: { greater_than_equal: from } }, { dateFormed: { less_than: to } })
  }
  if (filter.validity) w.push({ validity: { equals: filter.validity } })
  const s = filter.search
  if (s?.kind === 'index') w.push({ indexNumber: { equals: s.value } })
  else if (s?.kind === 'doc-number') w.push({ docNumber: { equals: s.value } })
  else if (s?.kind === 'title') for (const word of s.words) w.push({ title: { contains: word } })
  return w
}

/** The sites whose entries this site's catalogue lists: itself, and on a portal that asks, its departments. */
export function includedSites(
  ctx: PageContext,
  sites: SiteRecord[],
  settings: DisclosureSettings,
): SiteRecord[] {
  if (ctx.site.kind !== 'portal' || !settings.includeDepartments) return [ctx.site]
  const departments = sites.filter(
    (s) => s.kind === 'department' && isListed(s.status) && String(s.id) !== String(ctx.site.id),
  )
  return [ctx.site, ...departments]
}

/** One page of the catalogue's entries, and the issuing organs of all its entries. */
export async function readCatalogue(
  ctx: PageContext,
  included: SiteRecord[],
  filter: CatalogueFilter,
) {
  const base = entries(included.map((s) => s.id))
  const [res, organs] = await Promise.all([
    ctx.payload.find({
      collection: 'articles',
      where: { and: [...base, ...filterWhere(filter)] },
      sort: ['-dateFormed', '-publishedAt'],
      limit: PER_PAGE,
      page: filter.page,
      depth: 0,
      select: {
        title: true,
        summary: true,
        indexNumber: true,
        docNumber: true,
        issuingOrgan: true,
        dateFormed: true,
        validity: true,
        site: true,
        columns: true,
      },
      overrideAccess: false,
    }),
    ctx.payload.findDistinct({
      collection: 'articles',
      field: 'issuingOrgan',
      where: { and: [...base, { issuingOrgan: { exists: true } }] },
      sort: 'issuingOrgan',
      limit: 500,
      overrideAccess: false,
    }),
  ])
  return {
    // Only the selected fields (ids as stored), which Payload's result type does not narrow to.
    res: { ...res, docs: res.docs as unknown as CatalogueDoc[] },
    organs,
  }
}

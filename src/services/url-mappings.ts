// A retired site's URL mapping, read: how one old address answers (the public router), the old
// addresses for /sitemap-redirects.xml, and the CSV export. Written by retire-site.ts.
import type { Payload } from 'payload'

import { csvTable } from '../domain/csv'
import { type Id, idOf, sameId } from '../domain/ids'
import { answerFor, mappingKey, prefixesOf } from '../domain/site-retirement'
import { SITES, URL_MAPPINGS } from '../domain/slugs'
import { findAllSelected } from './records'

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

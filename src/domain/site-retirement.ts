// Retiring a site (关停) or merging it into a successor (整合) without losing an address: from the
// site's columns and articles and a choice per column (move its content into a successor column,
// or archive it), the plan of what moves and the URL mapping every old address answers by
// (RULES §8). Pure: the service reads the facts, shows the plan, and carries it out.
import { type Id, sameId } from './ids'

export type RetireMode = 'close' | 'merge'

export type PlanSite = { id: Id; slug: string; name: string; kind: string; status: string }
export type PlanColumn = { id: Id; name: string; path: string }
export type PlanArticle = { id: Id; columns: Id[]; published: boolean }

/** Per column: the successor column its content moves into, or null to archive it. */
export type ColumnChoice = { column: Id; to: Id | null }

/**
 * One old address. `exact` rows name one path; `prefix` rows every path below it (`keepRest`:
 * the rest of the path is kept on the target, as for files). 301 sends the visitor to `toPath`
 * on the successor; 410 says the page is gone and links to `toPath` there (the archived copy).
 */
export type UrlMapping = {
  fromPath: string
  match: 'exact' | 'prefix'
  keepRest?: boolean
  status: 301 | 410
  toPath: string
  kind: 'home' | 'column' | 'article' | 'short-link' | 'feed' | 'section' | 'files'
}

export type RetirementPlan = {
  mode: RetireMode
  columns: { from: PlanColumn; to: PlanColumn | null }[]
  /** Articles that move to the successor, with their new columns. */
  moves: { id: Id; columns: Id[] }[]
  /** Articles kept on the retired site, readable as its archive. */
  archived: Id[]
  mappings: UrlMapping[]
}

export type PlanInput = {
  mode: RetireMode
  site: PlanSite
  successor: PlanSite
  columns: PlanColumn[]
  successorColumns: PlanColumn[]
  articles: PlanArticle[]
  choices: ColumnChoice[]
}

/** Where the archived copies of a retired site live on its successor. */
export const archivePath = (slug: string, id?: Id) =>
  id == null ? `/archive/${slug}/` : `/archive/${slug}/${id}.html`

/** The successor's home with the notice that the old site now lives there. */
export const noticeHomePath = (slug: string) => `/?from=${encodeURIComponent(slug)}`

const colHref = (path: string) => `/${path}/`
const artHref = (path: string, id: Id) => `/${path}/${id}.html`

/**
 * The suggestion shown before anyone chooses: a successor column with the same path, else one
 * with the same name; none found (or closing the site) archives.
 */
export function suggestChoices(
  mode: RetireMode,
  columns: PlanColumn[],
  successorColumns: PlanColumn[],
): ColumnChoice[] {
  return columns.map((c) => {
    if (mode === 'close') return { column: c.id, to: null }
    const same =
      successorColumns.find((s) => s.path === c.path) ??
      successorColumns.find((s) => s.name === c.name)
    return { column: c.id, to: same?.id ?? null }
  })
}

/** Why the action cannot be taken as asked, one sentence each (empty: it can). */
export function retirementRefusals(input: PlanInput): string[] {
  const { site, successor, mode, choices, columns, successorColumns } = input
  const out: string[] = []
  if (site.status === 'closed' || site.status === 'merged')
    out.push(`“${site.name}”已经关停或整合，不能再次操作`)
  if (site.kind === 'portal') out.push('门户网站不能关停或整合：它是各部门网站的承接站点')
  if (sameId(site.id, successor.id)) out.push('承接站点不能是被关停的站点本身')
  else if (successor.status === 'closed' || successor.status === 'merged')
    out.push(`承接站点“${successor.name}”已关停或整合，请选择运行中的站点`)
  for (const choice of choices) {
    const column = columns.find((c) => sameId(c.id, choice.column))
    if (!column) {
      out.push(`栏目 ${choice.column} 不属于“${site.name}”`)
      continue
    }
    if (choice.to == null) continue
    if (mode === 'close') {
      out.push(`关停站点时栏目内容只能存档；“${column.name}”选择了迁移`)
    } else if (!successorColumns.some((s) => sameId(s.id, choice.to))) {
      out.push(`“${column.name}”的迁移目标不是承接站点“${successor.name}”的栏目`)
    }
  }
  return out
}

/** The plan: which articles move where, which stay as the archive, and every old address's answer. */
export function retirementPlan(input: PlanInput): RetirementPlan {
  const { mode, site, columns, successorColumns, articles } = input
  const suggested = suggestChoices(mode, columns, successorColumns)
  const targetOf = (column: Id): PlanColumn | null => {
    const choice =
      input.choices.find((c) => sameId(c.column, column)) ??
      suggested.find((c) => sameId(c.column, column))
    const to = choice?.to
    return to == null ? null : (successorColumns.find((s) => sameId(s.id, to)) ?? null)
  }
  const plannedColumns = columns.map((from) => ({ from, to: targetOf(from.id) }))
  const colById = new Map(plannedColumns.map((p) => [String(p.from.id), p]))

  const moves: RetirementPlan['moves'] = []
  const archived: Id[] = []
  const mappings: UrlMapping[] = []
  const add = (m: UrlMapping) => mappings.push(m)

  add({
    fromPath: '/',
    match: 'exact',
    status: 301,
    toPath: noticeHomePath(site.slug),
    kind: 'home',
  })
  for (const { from, to } of plannedColumns) {
    add(
      to
        ? {
            fromPath: colHref(from.path),
            match: 'exact',
            status: 301,
            toPath: colHref(to.path),
            kind: 'column',
          }
        : {
            fromPath: colHref(from.path),
            match: 'exact',
            status: 410,
            toPath: archivePath(site.slug),
            kind: 'column',
          },
    )
  }

  for (const a of articles) {
    const own = a.columns.map((c) => colById.get(String(c))).filter((p) => p != null)
    const targets = own.map((p) => p.to).filter((t): t is PlanColumn => t != null)
    const newColumns = [...new Map(targets.map((t) => [String(t.id), t.id])).values()]
    if (newColumns.length) moves.push({ id: a.id, columns: newColumns })
    else archived.push(a.id)
    if (!a.published) continue
    // Every column page the article answered under, and its short link.
    const main = targets[0]
    for (const p of own) {
      add(
        main
          ? {
              fromPath: artHref(p.from.path, a.id),
              match: 'exact',
              status: 301,
              toPath: artHref((p.to ?? main).path, a.id),
              kind: 'article',
            }
          : {
              fromPath: artHref(p.from.path, a.id),
              match: 'exact',
              status: 410,
              toPath: archivePath(site.slug, a.id),
              kind: 'article',
            },
      )
    }
    add(
      main
        ? {
            fromPath: `/a/${a.id}`,
            match: 'exact',
            status: 301,
            toPath: artHref(main.path, a.id),
            kind: 'short-link',
          }
        : {
            fromPath: `/a/${a.id}`,
            match: 'exact',
            status: 410,
            toPath: archivePath(site.slug, a.id),
            kind: 'short-link',
          },
    )
  }

  // The site's feeds and its sections answer on the successor's; files keep their names.
  for (const feed of ['/rss.xml', '/sitemap.xml'])
    add({ fromPath: feed, match: 'exact', status: 301, toPath: feed, kind: 'feed' })
  for (const track of ['/hdjl/track', '/ysqgk/track', '/jiucuo/track', '/jiucuo'])
    add({ fromPath: track, match: 'exact', status: 301, toPath: track, kind: 'section' })
  for (const section of ['/xxgk/', '/ysqgk/', '/hdjl/', '/ld/'])
    add({
      fromPath: section,
      match: 'prefix',
      status: 301,
      toPath: section === '/ld/' ? '/' : section,
      kind: 'section',
    })
  add({
    fromPath: '/files/',
    match: 'prefix',
    keepRest: true,
    status: 301,
    toPath: '/files/',
    kind: 'files',
  })

  return { mode, columns: plannedColumns, moves, archived, mappings }
}

/** A path as the mapping knows it: a column's list pages (`index.html`, `index_3.html`) are its page. */
export function mappingKey(path: string): string {
  const list = /^(\/(?:[a-z0-9-]+\/)+)index(?:_\d+)?\.html$/.exec(path)
  if (list) return list[1]
  if (
    /^\/(?:[a-z0-9-]+\/)*[a-z0-9-]+$/.test(path) &&
    !path.startsWith('/a/') &&
    !/^\/(hdjl|ysqgk|jiucuo)\/track$/.test(path) &&
    path !== '/jiucuo'
  )
    return `${path}/`
  return path
}

export type Answer =
  | { status: 301; toPath: string }
  | { status: 410; toPath: string }
  | { status: 'fallback'; toPath: string }

/**
 * The answer for an old address: its exact row, else the longest prefix row, else the
 * successor's home with the notice. `rows` are the site's rows whose key (exact) or prefix
 * could match (the service reads them by key).
 */
export function answerFor(
  path: string,
  rows: Pick<UrlMapping, 'fromPath' | 'match' | 'keepRest' | 'status' | 'toPath'>[],
  slug: string,
): Answer {
  const key = mappingKey(path)
  const exact = rows.find((r) => r.match === 'exact' && r.fromPath === key)
  if (exact) return { status: exact.status, toPath: exact.toPath }
  const prefix = rows
    .filter((r) => r.match === 'prefix' && path.startsWith(r.fromPath))
    .sort((a, b) => b.fromPath.length - a.fromPath.length)[0]
  if (prefix) {
    const rest = prefix.keepRest ? path.slice(prefix.fromPath.length) : ''
    return { status: prefix.status, toPath: prefix.toPath + rest }
  }
  return { status: 'fallback', toPath: noticeHomePath(slug) }
}

/** The prefixes a path could be answered by (`/files/a/b.pdf` → `/`, `/files/`, `/files/a/`). */
export function prefixesOf(path: string): string[] {
  const parts = path.split('/').slice(1, -1)
  const out = ['/']
  let acc = '/'
  for (const p of parts) {
    acc += `${p}/`
    out.push(acc)
  }
  return out
}

export type Counts = {
  articles: number
  published: number
  columns: number
  letters: number
  requests: number
  errorReports: number
  files: number
  users: number
}

/** Counts after the action that differ from before: empty when nothing was lost. */
export function countDifferences(before: Counts, after: Counts): string[] {
  const labels: Record<keyof Counts, string> = {
    articles: '信息',
    published: '已发布信息',
    columns: '栏目',
    letters: '来信',
    requests: '依申请公开申请',
    errorReports: '纠错',
    files: '文件',
    users: '用户',
  }
  return (Object.keys(labels) as (keyof Counts)[])
    .filter((k) => before[k] !== after[k])
    .map((k) => `${labels[k]}：操作前 ${before[k]}，操作后 ${after[k]}`)
}

/** The guided action's form: mode, successor, and `col_<id>` = a successor column's id or 'archive'. */
export function retireForm(fields: URLSearchParams): {
  mode: RetireMode
  successor: string
  choices: ColumnChoice[]
} {
  const mode: RetireMode = fields.get('mode') === 'close' ? 'close' : 'merge'
  const choices: ColumnChoice[] = []
  for (const [key, value] of fields) {
    const m = /^col_(.+)$/.exec(key)
    if (m && value) choices.push({ column: m[1], to: value === 'archive' ? null : value })
  }
  return { mode, successor: fields.get('successor') ?? '', choices }
}

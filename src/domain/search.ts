// Decides what a reader asks of search (/search): the words and how they widen by the platform's
// synonyms, a document or index number recognised as such, the scope (this site, all sites or
// chosen ones), the filters, the order and the page — each wrong value named in a sentence —
// and how a result's text is cut and marked around the words found.
import { normaliseDocNumber, normaliseIndexNumber } from './catalogue'
import { type Phrase, normalise, normaliseChar, termPhrase } from './search-text'
import { isSiteSlug } from './sites'
import { isIsoDate } from './workdays'

export const SEARCH_KINDS = ['file', 'interpretation', 'news', 'letter'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  file: '文件',
  interpretation: '解读',
  news: '新闻',
  letter: '信件',
}

export const SEARCH_SORTS = ['relevance', 'date'] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

export const MAX_QUERY_LENGTH = 100
export const MAX_TERMS = 8
export const SEARCH_PER_PAGE = 10
/** Past this page a search is refused: nobody reads it, and deep pages cost the most. */
export const MAX_SEARCH_PAGE = 50

/**
 * What kind of item an article is for search: 解读 (its genre or a column says so), 文件 (it
 * carries a document number, is a rule or normative document, or sits in a 文件 column), else 新闻.
 */
export function articleKind(a: {
  genreName?: string | null
  columnNames?: string[]
  docNumber?: string | null
  documentKind?: string | null
}): SearchKind {
  const columns = a.columnNames ?? []
  if (a.genreName === '解读' || columns.some((c) => c.includes('解读'))) return 'interpretation'
  if (a.docNumber || a.documentKind || columns.some((c) => /文件|规章|规范性/.test(c)))
    return 'file'
  return 'news'
}

/**
 * The platform's synonym list, one group per line (社保 社会保险, or 社保=社会保险): every word
 * of a group finds the others. Words are normalised; lines with fewer than two words are skipped.
 */
export function parseSynonyms(text: string | null | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const line of (text ?? '').split(/\r?\n/)) {
    const words = [
      ...new Set(
        normalise(line)
          .split(/[\s,，、;；=＝|/]+/)
          .map((w) => w.trim())
          .filter(Boolean),
      ),
    ]
    if (words.length < 2) continue
    for (const w of words) {
      const known = map.get(w) ?? []
      map.set(w, [...new Set([...known, ...words.filter((x) => x !== w)])])
    }
  }
  return map
}

/** The problems of a synonym list as sentences (for the settings form). */
export function synonymProblems(text: string | null | undefined): string[] {
  const problems: string[] = []
  ;(text ?? '').split(/\r?\n/).forEach((line, i) => {
    const words = line.split(/[\s,，、;；=＝|/]+/).filter(Boolean)
    if (words.length === 1) problems.push(`第 ${i + 1} 行只有一个词“${words[0]}”：同义词至少两个`)
    for (const w of words)
      if (w.length > 20)
        problems.push(`第 ${i + 1} 行的“${w.slice(0, 20)}…”太长：每个词不超过 20 个字`)
  })
  return problems
}

export type SearchNumber = { kind: 'index' | 'doc-number'; value: string }

/** What is searched: the words (normalised), or a number recognised as such. */
export type SearchText = { terms: string[]; number?: SearchNumber }

/** The reader's text as terms, or as a 索引号 / 发文字号 typed with whatever brackets. */
export function searchText(q: string): SearchText {
  const t = q.replace(/[\s\u3000]+/g, ' ').trim()
  if (!t) return { terms: [] }
  const index = normaliseIndexNumber(t)
  if (index) return { terms: [], number: { kind: 'index', value: index } }
  const doc = normaliseDocNumber(t)
  if (doc) return { terms: [], number: { kind: 'doc-number', value: doc } }
  const terms = [
    ...new Set(
      normalise(t)
        .split(/[\s,，、;；。!！?？"“”'‘’()（）《》<>【】[\]{}]+/)
        .filter((w) => termPhrase(w) != null),
    ),
  ].slice(0, MAX_TERMS)
  return { terms }
}

/** A term and the alternatives the synonym list gives it: any one of them will do. */
export type TermGroup = { term: string; alternatives: string[]; phrases: Phrase[] }

export function termGroups(terms: string[], synonyms: Map<string, string[]>): TermGroup[] {
  return terms.map((term) => {
    const alternatives = [term, ...(synonyms.get(term) ?? [])]
    return {
      term,
      alternatives,
      phrases: alternatives.map(termPhrase).filter((p): p is Phrase => p != null),
    }
  })
}

export type SearchScope = 'site' | 'all' | 'chosen'

export type SearchQuery = {
  q: string
  text: SearchText
  scope: SearchScope
  /** Chosen sites' slugs (scope 'chosen'). */
  sites: string[]
  column: string
  kind: SearchKind | ''
  from: string
  to: string
  sort: SearchSort
  page: number
  errors: { field: string; message: string }[]
}

type RawQuery = Record<string, unknown>

const first = (value: unknown): string => {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : ''
}

const ID = /^[A-Za-z0-9-]{1,36}$/

/**
 * Reads the search page's query string. `defaultScope` is the site's own (a portal searches all
 * sites, a department itself); `knownSites` are the slugs that may be chosen. A wrong value is
 * named and left out, so the reader still gets results and can correct the one value.
 */
export function parseSearchQuery(
  raw: RawQuery,
  { defaultScope, knownSites }: { defaultScope: 'site' | 'all'; knownSites: string[] },
): SearchQuery {
  const errors: SearchQuery['errors'] = []
  let q = first(raw.q).trim()
  if (q.length > MAX_QUERY_LENGTH) {
    errors.push({
      field: 'q',
      message: `搜索词不能超过 ${MAX_QUERY_LENGTH} 个字，已截取前 ${MAX_QUERY_LENGTH} 个字`,
    })
    q = q.slice(0, MAX_QUERY_LENGTH)
  }
  let scope: SearchScope = defaultScope
  let sites: string[] = []
  const site = first(raw.site).trim()
  if (site === 'all') scope = 'all'
  else if (site === 'self' || site === '') scope = site ? 'site' : defaultScope
  else {
    const chosen = [...new Set(site.split(/[,，\s]+/).filter(Boolean))]
    const unknown = chosen.filter((s) => !isSiteSlug(s) || !knownSites.includes(s))
    sites = chosen.filter((s) => !unknown.includes(s))
    if (unknown.length)
      errors.push({
        field: 'site',
        message: `没有这个网站：${unknown.map((s) => s.slice(0, 40)).join('、')}`,
      })
    scope = sites.length ? 'chosen' : defaultScope
  }
  let column = first(raw.column).trim()
  if (column && !ID.test(column)) {
    errors.push({ field: 'column', message: '栏目编号不正确，已按全部栏目搜索' })
    column = ''
  }
  let kind = first(raw.type).trim() as SearchKind | ''
  if (kind && !SEARCH_KINDS.includes(kind as SearchKind)) {
    errors.push({ field: 'type', message: '“类型”只能是 文件、解读、新闻 或 信件' })
    kind = ''
  }
  const date = (field: 'from' | 'to', label: string): string => {
    const v = first(raw[field]).trim()
    if (!v) return ''
    if (isIsoDate(v)) return v
    errors.push({ field, message: `“${label}”应为 年-月-日，例如 2026-01-31` })
    return ''
  }
  let from = date('from', '起始日期')
  let to = date('to', '截止日期')
  if (from && to && from > to) {
    errors.push({ field: 'from', message: '起始日期不能晚于截止日期' })
    from = ''
    to = ''
  }
  const sortRaw = first(raw.sort).trim()
  let sort: SearchSort = 'relevance'
  if (sortRaw === 'date') sort = 'date'
  else if (sortRaw && sortRaw !== 'relevance')
    errors.push({ field: 'sort', message: '排序只能按相关度或按日期' })
  const pageRaw = first(raw.page).trim()
  let page = 1
  if (pageRaw) {
    const n = Number(pageRaw)
    if (!Number.isInteger(n) || n < 1) errors.push({ field: 'page', message: '页码应为正整数' })
    else if (n > MAX_SEARCH_PAGE)
      errors.push({
        field: 'page',
        message: `最多显示前 ${MAX_SEARCH_PAGE} 页，请加上筛选条件缩小范围`,
      })
    else page = n
  }
  return { q, text: searchText(q), scope, sites, column, kind, from, to, sort, page, errors }
}

/** The query as a canonical string (names in order, defaults left out): cache key and links. */
export function canonicalSearch(
  query: Pick<
    SearchQuery,
    'q' | 'scope' | 'sites' | 'column' | 'kind' | 'from' | 'to' | 'sort' | 'page'
  >,
  defaultScope: 'site' | 'all',
): string {
  const site =
    query.scope === 'chosen'
      ? [...query.sites].sort().join(',')
      : query.scope === defaultScope
        ? ''
        : query.scope === 'all'
          ? 'all'
          : 'self'
  const pairs: [string, string][] = [
    ['column', query.column],
    ['from', query.from],
    ['page', query.page > 1 ? String(query.page) : ''],
    ['q', query.q.replace(/[\s\u3000]+/g, ' ').trim()],
    ['site', site],
    ['sort', query.sort === 'date' ? 'date' : ''],
    ['to', query.to],
    ['type', query.kind],
  ]
  return pairs
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
}

export type Segment = { text: string; hit: boolean }

/**
 * A piece of `text` of about `length` characters around the first place the needles (normalised
 * terms) are found, as plain and marked segments; the text's start when nothing is found.
 */
export function snippet(text: string, needles: string[], length = 120): Segment[] {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  const norm = chars.map(normaliseChar)
  const wanted = [...new Set(needles.map((n) => [...n].map(normaliseChar)).filter((n) => n.length))]
  const hits = new Array<boolean>(chars.length).fill(false)
  let firstHit = -1
  for (let i = 0; i < chars.length; i++) {
    for (const n of wanted) {
      if (i + n.length > chars.length) continue
      let ok = true
      for (let k = 0; k < n.length && ok; k++) ok = norm[i + k] === n[k]
      if (!ok) continue
      for (let k = 0; k < n.length; k++) hits[i + k] = true
      if (firstHit < 0) firstHit = i
    }
  }
  const start = firstHit < 0 ? 0 : Math.max(0, Math.min(firstHit - 20, chars.length - length))
  const end = Math.min(chars.length, start + length)
  const segments: Segment[] = []
  if (start > 0) segments.push({ text: '…', hit: false })
  for (let i = start; i < end; i++) {
    const last = segments[segments.length - 1]
    if (last && last.hit === hits[i] && last.text !== '…') last.text += chars[i]
    else segments.push({ text: chars[i], hit: hits[i] })
  }
  if (end < chars.length) segments.push({ text: '…', hit: false })
  return segments
}

/** Segments as plain text (the JSON answer). */
export const segmentsText = (segments: Segment[]): string => segments.map((s) => s.text).join('')

// Decides what a reader asks of the disclosure catalogue (公开目录): which filters, which kind of
// search, and the links that keep them (and care mode) while one is changed.

import { VALIDITY_LABELS, VALIDITY_STATES, type Validity } from './disclosure'
import { INDEX_NUMBER } from './numbering'

/** What a query string arrives as from Express: a value, repeated values, or nothing. */
export type RawQuery = Record<string, unknown>

/** How the search text is used: exact 索引号, exact 发文字号, or words of the title. */
export type CatalogueSearch =
  | { kind: 'index'; value: string }
  | { kind: 'doc-number'; value: string }
  | { kind: 'title'; words: string[] }

export type CatalogueFilter = {
  topic?: string
  genre?: string
  organ?: string
  year?: number
  validity?: Validity
  search?: CatalogueSearch
  page: number
}

/** The query parameters a catalogue link may carry, in the order links write them. */
export const CATALOGUE_PARAMS = ['topic', 'genre', 'organ', 'year', 'validity', 'q'] as const
export type CatalogueParam = (typeof CATALOGUE_PARAMS)[number]

export type CatalogueQuery = {
  filter: CatalogueFilter
  /** What the reader typed or chose, trimmed: echoed in the form, kept in links. */
  values: Record<CatalogueParam, string>
  /** One sentence per wrong value; the filter leaves that value out. */
  errors: { field: CatalogueParam | 'page'; message: string }[]
}

export const MAX_QUERY_LENGTH = 100
export const MAX_SEARCH_WORDS = 5
const ID = /^[A-Za-z0-9-]{1,36}$/
const FIRST_YEAR = 1949
const LAST_YEAR = 2100

/** The first value of a query parameter as a string ('' when absent or not a string). */
function first(value: unknown): string {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : ''
}

/** Full-width digits, letters and brackets as typed by Chinese input methods, read as ASCII. */
const halfWidth = (value: string): string =>
  value.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

/** Spaces (including the ideographic space) collapsed, ends trimmed. */
const tidy = (value: string): string => value.replace(/[\s\u3000]+/g, ' ').trim()

/**
 * An index number as written on documents, `<organisation code>/<yyyy>-<nnnnn>`, from what a
 * reader typed (spaces, full-width characters, lower case, a full-width slash); null if it is not one.
 */
export function normaliseIndexNumber(value: string): string | null {
  const v = halfWidth(value)
    .replace(/[\s\u3000]/g, '')
    .replace(/[—–]/g, '-')
    .toUpperCase()
  return INDEX_NUMBER.test(v) ? v : null
}

// Brackets readers type for the year: 〔〕 (the standard), [] ［］ 【】 () （） and ﹝﹞.
const DOC_NUMBER_LOOSE = /^(\D+?)[〔[【(﹝]((?:19|20|21)\d{2})[〕\]】)﹞]第?0*([1-9]\d{0,5})号?$/

/**
 * A document number in its standard form `机关代字〔yyyy〕n号` (GB/T 9704), from what a reader
 * typed: square or round brackets, a stray 第, zero-padded numbers and spaces are forgiven.
 */
export function normaliseDocNumber(value: string): string | null {
  const v = halfWidth(value).replace(/[\s\u3000]/g, '')
  const m = DOC_NUMBER_LOOSE.exec(v)
  return m ? `${m[1]}〔${m[2]}〕${Number(m[3])}号` : null
}

/** Whether the search text is an index number, a document number, or words of a title. */
export function recogniseSearch(text: string): CatalogueSearch | undefined {
  const t = tidy(text)
  if (!t) return undefined
  const index = normaliseIndexNumber(t)
  if (index) return { kind: 'index', value: index }
  const doc = normaliseDocNumber(t)
  if (doc) return { kind: 'doc-number', value: doc }
  const words = [...new Set(t.split(' '))].slice(0, MAX_SEARCH_WORDS)
  return { kind: 'title', words }
}

/**
 * Reads the catalogue's query string. Topic and genre must be among `topics`/`genres` (their
 * ids) when those are given. A wrong value is named in `errors` and left out of the filter, so
 * the reader still sees a list and can correct the one value.
 */
export function parseCatalogueQuery(
  query: RawQuery,
  known: { topics?: string[]; genres?: string[] } = {},
): CatalogueQuery {
  const errors: CatalogueQuery['errors'] = []
  const values = Object.fromEntries(
    CATALOGUE_PARAMS.map((p) => [p, tidy(first(query[p]))]),
  ) as Record<CatalogueParam, string>
  const filter: CatalogueFilter = { page: 1 }

  const listed = (
    field: 'topic' | 'genre',
    ids: string[] | undefined,
    label: string,
  ): string | undefined => {
    const v = values[field]
    if (!v) return undefined
    if (!ID.test(v) || (ids && !ids.includes(v))) {
      errors.push({ field, message: `所选${label}不存在，请重新选择` })
      return undefined
    }
    return v
  }
  filter.topic = listed('topic', known.topics, '主题分类')
  filter.genre = listed('genre', known.genres, '体裁分类')

  if (values.organ) {
    if (values.organ.length > MAX_QUERY_LENGTH) {
      errors.push({ field: 'organ', message: `发文机关过长（不超过 ${MAX_QUERY_LENGTH} 个字）` })
    } else filter.organ = values.organ
  }

  if (values.year) {
    const y = halfWidth(values.year).replace(/年$/, '')
    if (!/^\d{4}$/.test(y)) {
      errors.push({ field: 'year', message: '年份格式不正确，请填写四位数字，如 2026' })
    } else if (Number(y) < FIRST_YEAR || Number(y) > LAST_YEAR) {
      errors.push({ field: 'year', message: `年份应在 ${FIRST_YEAR} 至 ${LAST_YEAR} 之间` })
    } else {
      filter.year = Number(y)
      values.year = y
    }
  }

  if (values.validity) {
    if ((VALIDITY_STATES as readonly string[]).includes(values.validity)) {
      filter.validity = values.validity as Validity
    } else errors.push({ field: 'validity', message: '所选有效性不存在，请重新选择' })
  }

  if (values.q) {
    if (values.q.length > MAX_QUERY_LENGTH) {
      errors.push({ field: 'q', message: `检索词过长（不超过 ${MAX_QUERY_LENGTH} 个字）` })
    } else filter.search = recogniseSearch(values.q)
  }

  const page = first(query.page).trim()
  if (page) {
    if (/^[1-9]\d{0,5}$/.test(page)) filter.page = Number(page)
    else errors.push({ field: 'page', message: '页码不正确' })
  }
  return { filter, values, errors }
}

/** The instants a Beijing calendar year starts and ends: [from, to). */
export function beijingYearRange(year: number): { from: string; to: string } {
  const start = (y: number) => new Date(Date.UTC(y, 0, 1) - 8 * 3600_000).toISOString()
  return { from: start(year), to: start(year + 1) }
}

/**
 * A catalogue link: `/xxgk/` with the given values (empty ones dropped), a page when past the
 * first, and care mode when it is on.
 */
export function catalogueHref({
  values,
  page = 1,
  care = false,
  base = '/xxgk/',
}: {
  values: Partial<Record<CatalogueParam, string>>
  page?: number
  care?: boolean
  base?: string
}): string {
  const qs = new URLSearchParams()
  for (const p of CATALOGUE_PARAMS) if (values[p]) qs.set(p, values[p]!)
  if (page > 1) qs.set('page', String(page))
  if (care) qs.set('care', '1')
  const s = qs.toString()
  return s ? `${base}?${s}` : base
}

export type FilterChip = { label: string; removeHref: string }

const SEARCH_KIND_LABELS: Record<CatalogueSearch['kind'], string> = {
  index: '索引号',
  'doc-number': '发文字号',
  title: '标题含',
}

/**
 * The filters in force, each with a link that drops only it (and goes back to page 1).
 * `names` turns topic and genre ids into their names.
 */
export function filterChips({
  query,
  names,
  care = false,
}: {
  query: CatalogueQuery
  names: { topic?: string; genre?: string }
  care?: boolean
}): FilterChip[] {
  const { filter, values } = query
  const without = (p: CatalogueParam) => catalogueHref({ values: { ...values, [p]: '' }, care })
  const chips: FilterChip[] = []
  if (filter.topic)
    chips.push({ label: `主题分类：${names.topic ?? ''}`, removeHref: without('topic') })
  if (filter.genre)
    chips.push({ label: `体裁分类：${names.genre ?? ''}`, removeHref: without('genre') })
  if (filter.organ) chips.push({ label: `发文机关：${filter.organ}`, removeHref: without('organ') })
  if (filter.year) chips.push({ label: `年份：${filter.year}`, removeHref: without('year') })
  if (filter.validity) {
    chips.push({
      label: `有效性：${VALIDITY_LABELS[filter.validity]}`,
      removeHref: without('validity'),
    })
  }
  if (filter.search) {
    const s = filter.search
    const text = s.kind === 'title' ? s.words.join(' ') : s.value
    chips.push({ label: `${SEARCH_KIND_LABELS[s.kind]}：${text}`, removeHref: without('q') })
  }
  return chips
}

/** A summary cut to `max` characters (by code point) with an ellipsis. */
export function shorten(text: string | null | undefined, max = 60): string {
  const chars = [...tidy(text ?? '')]
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`
}

// Keeps the search index true: what the public may read is in it, and nothing else. An article
// is findable while it is published on a site that is open (not closed or merged); a letter
// while its answer is published with the writer's consent — in its masked form only. Called by
// the collections' hooks on every change and delete, and by `npm run search:reindex`.
import type { Payload, PayloadRequest, Where } from 'payload'

import { type Id, idOf, idsOf } from '../domain/ids'
import { readableText } from '../domain/lexical-text'
import { isPublicLetter } from '../domain/letters'
import { articleKind } from '../domain/search'
import { textGrams, textWords } from '../domain/search-text'
import { isListed, type SiteStatus } from '../domain/sites'
import { logger } from '../logger'
import { purgePages } from './cache-purges'
import { pageCache, tags } from './page-cache'
import { toPublicLetter } from './public-letters'
import { findOneSelected, scanSelected } from './records'
import { type SearchEntry, searchStore } from './search-store'

/** Past this many characters a text is not indexed further (PostgreSQL's positions end at 16,383). */
export const MAX_INDEXED_CHARS = 15_000

export const articleRef = (id: Id) => `article:${id}`
export const letterRef = (id: Id) => `letter:${id}`

type Names = { get: (id: Id) => Promise<string> }

/** Names of records by id, read once per use (columns, genres, mailboxes' slugs). */
function names(
  payload: Payload,
  collection: 'columns' | 'disclosure-genres' | 'mailboxes',
  field: 'name' | 'slug',
  req?: PayloadRequest,
): Names {
  const known = new Map<string, Promise<string>>()
  return {
    get: (id) => {
      const key = String(id)
      let name = known.get(key)
      if (!name) {
        name = findOneSelected(payload, {
          collection,
          where: { id: { equals: id } },
          select: [field] as never,
          req,
        }).then((r) => String((r as Record<string, unknown> | null)?.[field] ?? ''))
        known.set(key, name)
      }
      return name
    },
  }
}

export type ArticleFacts = {
  id: Id
  site: unknown
  state?: string | null
  title: string
  summary?: string | null
  body?: unknown
  columns?: unknown
  genre?: unknown
  docNumber?: string | null
  documentKind?: string | null
  indexNumber?: string | null
  publishedAt?: string | null
  /** Other sites' columns and the sites that show it (accepted shares: src/services/sharing.ts). */
  sharedInto?: unknown
  sharedSites?: unknown
}

type Lookups = {
  siteStatus: (id: Id) => Promise<SiteStatus | undefined>
  columns: Names
  genres: Names
  mailboxes: Names
}

function lookups(payload: Payload, req?: PayloadRequest): Lookups {
  const statuses = new Map<string, Promise<SiteStatus | undefined>>()
  return {
    siteStatus: (id) => {
      const key = String(id)
      let s = statuses.get(key)
      if (!s) {
        s = findOneSelected(payload, {
          collection: 'sites',
          where: { id: { equals: id } },
          select: ['status'],
          req,
        }).then((r) => (r?.status as SiteStatus | null | undefined) ?? undefined)
        statuses.set(key, s)
      }
      return s
    },
    columns: names(payload, 'columns', 'name', req),
    genres: names(payload, 'disclosure-genres', 'name', req),
    mailboxes: names(payload, 'mailboxes', 'slug', req),
  }
}

const cut = (text: string) => text.slice(0, MAX_INDEXED_CHARS)

function entry(
  fields: Omit<SearchEntry, 'titleGrams' | 'grams' | 'words' | 'body'> & { body: string },
): SearchEntry {
  const body = cut(fields.body)
  const text = `${fields.summary}\n${body}`
  return {
    ...fields,
    body,
    titleGrams: textGrams(fields.title),
    grams: textGrams(text),
    words: textWords(fields.title),
  }
}

/** The article's entry, or null when the public may not find it. */
async function articleEntry(a: ArticleFacts, look: Lookups): Promise<SearchEntry | null> {
  const site = idOf(a.site)
  if (a.state !== 'published' || site == null) return null
  const status = await look.siteStatus(site)
  if (!status || !isListed(status)) return null
  const columns = idsOf(a.columns).map(String)
  // Found in the receiving sites' scope and columns too, once, with its one address.
  const shared = idsOf(a.sharedSites).map(String)
  const genre = idOf(a.genre)
  const [columnNames, genreName] = await Promise.all([
    Promise.all(columns.map((c) => look.columns.get(c))),
    genre != null ? look.genres.get(genre) : Promise.resolve(''),
  ])
  return entry({
    ref: articleRef(a.id),
    site: String(site),
    kind: articleKind({
      genreName,
      columnNames,
      docNumber: a.docNumber,
      documentKind: a.documentKind,
    }),
    date: a.publishedAt ?? new Date().toISOString(),
    columns: [...columns, ...idsOf(a.sharedInto).map(String)],
    shared,
    docNumber: a.docNumber ?? '',
    indexNumber: a.indexNumber ?? '',
    title: a.title,
    summary: a.summary ?? '',
    body: readableText(a.body),
    path: '',
  })
}

type LetterFacts = Parameters<typeof toPublicLetter>[0] & { answeredAt?: string | null }

/** The letter's entry in its public, masked form, or null when it is not published. */
async function letterEntry(l: LetterFacts, look: Lookups): Promise<SearchEntry | null> {
  const site = idOf(l.site)
  const mailbox = idOf(l.mailbox)
  if (!isPublicLetter(l) || site == null || mailbox == null) return null
  const status = await look.siteStatus(site)
  if (!status || !isListed(status)) return null
  const slug = await look.mailboxes.get(mailbox)
  if (!slug) return null
  const p = toPublicLetter(l)
  return entry({
    ref: letterRef(l.id),
    site: String(site),
    kind: 'letter',
    date: l.answeredAt ?? l.receivedAt,
    columns: [],
    shared: [],
    docNumber: '',
    indexNumber: '',
    title: p.subject,
    summary: '',
    body: [p.content, p.answer && `答复：${p.answer}`, p.followUpAnswer].filter(Boolean).join('\n'),
    path: `/hdjl/${slug}/${String(l.id)}.html`,
  })
}

/** Search pages show the index: dropped here and on every node when it changes. */
async function purgeSearchPages(req: PayloadRequest): Promise<void> {
  await purgePages(req, [tags.search], false)
}

/** Puts the entry in the index, or takes the ref out when there is none (not public). */
async function indexChange(
  req: PayloadRequest,
  ref: string,
  make: (look: Lookups) => Promise<SearchEntry | null>,
): Promise<void> {
  await safely(req, ref, async () => {
    const store = await searchStore(req.payload)
    const e = await make(lookups(req.payload, req))
    if (e) await store.put([e])
    else await store.remove([ref])
  })
}

/**
 * After an article or a letter changes (hooks): in the index, or out of it. A change that
 * neither is nor was public (a draft saved, a letter handled before publication) touches
 * nothing: the busiest saves stay as cheap as before search. A failure is logged and leaves the
 * change standing; `npm run search:reindex` makes the index whole again.
 */
export const indexArticleChange = async (
  req: PayloadRequest,
  doc: ArticleFacts,
  previous?: ArticleFacts,
): Promise<void> => {
  if (doc.state !== 'published' && previous?.state !== 'published') return
  await indexChange(req, articleRef(doc.id), (look) => articleEntry(doc, look))
}

export const indexLetterChange = async (
  req: PayloadRequest,
  doc: LetterFacts,
  previous?: LetterFacts,
): Promise<void> => {
  if (!isPublicLetter(doc) && !(previous && isPublicLetter(previous))) return
  await indexChange(req, letterRef(doc.id), (look) => letterEntry(doc, look))
}

/** An article's entry made again from what is stored (its placements changed: sharing.ts). */
export async function reindexArticle(req: PayloadRequest, id: Id): Promise<void> {
  await indexChange(req, articleRef(id), async (look) => {
    const doc = await findOneSelected(req.payload, {
      collection: 'articles',
      where: { id: { equals: id } },
      select: [...ARTICLE_FIELDS],
      req,
    })
    return doc ? articleEntry(doc, look) : null
  })
}

export async function removeFromIndex(req: PayloadRequest, ref: string): Promise<void> {
  await safely(req, ref, async () => (await searchStore(req.payload)).remove([ref]))
}

/** A site closed or merged: nothing of it stays findable. Reopened: all of it again. */
export async function indexSiteChange(
  req: PayloadRequest,
  site: { id: Id; status?: string | null },
  previous?: { status?: string | null },
): Promise<void> {
  const now = isListed((site.status ?? 'active') as SiteStatus)
  const before = previous ? isListed((previous.status ?? 'active') as SiteStatus) : now
  if (now === before) return
  await safely(req, `site:${site.id}`, async () => {
    if (!now) await (await searchStore(req.payload)).removeSite(String(site.id))
    else await reindexSites(req.payload, [site.id], req)
  })
}

async function safely(req: PayloadRequest, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work()
    await purgeSearchPages(req)
  } catch (err) {
    logger.error({ err, what }, '搜索索引更新失败；运行 npm run search:reindex 可重建索引')
  }
}

const ARTICLE_FIELDS = [
  'site',
  'state',
  'title',
  'summary',
  'body',
  'columns',
  'genre',
  'docNumber',
  'documentKind',
  'indexNumber',
  'publishedAt',
  'sharedInto',
  'sharedSites',
] as const

const LETTER_FIELDS = [
  'site',
  'mailbox',
  'number',
  'subject',
  'category',
  'content',
  'writerName',
  'writerTitle',
  'receivedAt',
  'answer',
  'answeredAt',
  'followUpAnswer',
  'rating',
  'consentPublish',
  'published',
  'status',
] as const

const BATCH = 500

/** Every published article and letter of the given sites (all sites: undefined) into the index. */
async function reindexSites(
  payload: Payload,
  sites: Id[] | undefined,
  req?: PayloadRequest,
  progress?: (done: number) => void,
): Promise<number> {
  const store = await searchStore(payload)
  const look = lookups(payload, req)
  const siteWhere = sites ? [{ site: { in: sites } }] : []
  let done = 0
  for (const [collection, fields, make] of [
    ['articles', ARTICLE_FIELDS, (d: unknown) => articleEntry(d as ArticleFacts, look)],
    ['letters', LETTER_FIELDS, (d: unknown) => letterEntry(d as LetterFacts, look)],
  ] as const) {
    let after: Id | undefined
    const published: Where =
      collection === 'articles'
        ? { state: { equals: 'published' } }
        : { published: { equals: true } }
    for (;;) {
      const docs = await scanSelected(payload, {
        collection,
        select: [...fields] as never,
        where: {
          and: [
            published,
            ...siteWhere,
            ...(after != null ? [{ id: { greater_than: after } }] : []),
          ],
        },
        sort: 'id',
        limit: BATCH,
      })
      if (!docs.length) break
      after = (docs[docs.length - 1] as { id: Id }).id
      const entries = (await Promise.all(docs.map(make))).filter((e): e is SearchEntry => e != null)
      await store.put(entries)
      done += entries.length
      progress?.(done)
    }
  }
  return done
}

/** Makes the whole index again from the database (`npm run search:reindex`). */
export async function reindexAll(
  payload: Payload,
  { progress }: { progress?: (done: number) => void } = {},
): Promise<{ entries: number; ms: number }> {
  const started = Date.now()
  const store = await searchStore(payload)
  await store.clear()
  const entries = await reindexSites(payload, undefined, undefined, progress)
  pageCache.purge([tags.search], { keepStale: false })
  return { entries, ms: Date.now() - started }
}

/**
 * Wherever Payload starts: an empty index over a database with published content (a new
 * installation of search, a lost index file) is made again, in the background.
 */
export async function ensureSearchIndex(payload: Payload): Promise<void> {
  const store = await searchStore(payload)
  if ((await store.stats()).entries > 0) return
  const published = await payload.db.count({
    collection: 'articles',
    where: { state: { equals: 'published' } },
  })
  if (!published.totalDocs) return
  logger.info({ published: published.totalDocs }, '搜索索引为空，正在后台重建')
  reindexAll(payload)
    .then(({ entries, ms }) => logger.info({ entries, ms }, '搜索索引已重建'))
    .catch((err: unknown) =>
      logger.error({ err }, '搜索索引重建失败；可运行 npm run search:reindex'),
    )
}

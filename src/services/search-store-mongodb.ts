// The search index on MongoDB (production): a collection of its own with a text index over the
// tokens, which narrows the candidates (any gram of the query), and a regular expression per
// term over the normalised text, which decides (every term, or one of its synonyms, as written).
// NOT TESTED here: no MongoDB server can run on these machines (README).
import type { Payload } from 'payload'

import { normalise } from '../domain/search-text'
import { dayBounds, type SearchStore, type StoredHit } from './search-types'

type Doc = StoredHit & { norm: string; tokens: string; dateAt: Date }

// The adapter's mongoose connection; its driver's collection API is all this needs.
type MongoCollection = {
  createIndex: (keys: object, options?: object) => Promise<unknown>
  bulkWrite: (ops: object[], options?: object) => Promise<unknown>
  deleteMany: (filter: object) => Promise<unknown>
  countDocuments: (filter: object) => Promise<number>
  find: (
    filter: object,
    options?: object,
  ) => {
    sort: (s: object) => {
      skip: (n: number) => { limit: (n: number) => { toArray: () => Promise<Doc[]> } }
    }
  }
  stats?: () => Promise<{ size?: number }>
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export async function mongoStore(payload: Payload): Promise<SearchStore> {
  // The adapter's mongoose connection (Payload's types do not name it on the generic adapter).
  const db = (
    payload.db as unknown as { connection: { db: { collection: (n: string) => MongoCollection } } }
  ).connection.db
  const entries = db.collection('search_entries')
  await entries.createIndex({ ref: 1 }, { unique: true })
  await entries.createIndex({ site: 1, dateAt: -1 })
  await entries.createIndex({ shared: 1 })
  await entries.createIndex({ tokens: 'text' }, { default_language: 'none', name: 'tokens_text' })

  return {
    name: 'mongodb-text',
    put: async (list) => {
      if (!list.length) return
      await entries.bulkWrite(
        list.map((e) => {
          const { titleGrams, grams, words, ...hit } = e
          const doc = {
            ...hit,
            dateAt: new Date(e.date),
            norm: normalise(`${e.title}\n${e.body}`),
            tokens: `${titleGrams} ${grams} ${words}`,
          }
          return { replaceOne: { filter: { ref: e.ref }, replacement: doc, upsert: true } }
        }),
        { ordered: false },
      )
    },
    remove: async (refs) => {
      if (refs.length) await entries.deleteMany({ ref: { $in: refs } })
    },
    removeSite: async (site) => {
      await entries.deleteMany({ site })
    },
    clear: async () => {
      await entries.deleteMany({})
    },
    query: async (q) => {
      const filter: Record<string, unknown> = q.everySite
        ? { site: { $in: q.sites } }
        : { $or: [{ site: { $in: q.sites } }, { shared: { $in: q.sites } }] }
      const { from, to } = dayBounds(q)
      if (q.kind) filter.kind = q.kind
      if (q.column) filter.columns = q.column
      if (from || to)
        filter.dateAt = {
          ...(from ? { $gte: new Date(from) } : {}),
          ...(to ? { $lt: new Date(to) } : {}),
        }
      if (q.docNumber) filter.docNumber = q.docNumber
      if (q.indexNumber) filter.indexNumber = q.indexNumber
      if (q.groups.length) {
        // A one-character term is a prefix, which the text index cannot look up.
        const phrases = q.groups.flatMap((g) => g.phrases)
        if (!phrases.some((p) => p.prefix.some(Boolean)))
          filter.$text = { $search: [...new Set(phrases.flatMap((p) => p.grams))].join(' ') }
        filter.$and = q.groups.map((g) => ({
          $or: g.texts.map((t) => ({ norm: { $regex: escapeRegex(t) } })),
        }))
      }
      const sort =
        filter.$text && q.sort === 'relevance'
          ? { score: { $meta: 'textScore' }, dateAt: -1 }
          : { dateAt: -1 }
      const [total, docs] = await Promise.all([
        entries.countDocuments(filter),
        entries
          .find(filter, { projection: { norm: 0, tokens: 0 } })
          .sort(sort)
          .skip(q.offset)
          .limit(q.limit)
          .toArray(),
      ])
      return { total, hits: docs.map((d) => ({ ...d, date: new Date(d.dateAt).toISOString() })) }
    },
    stats: async () => ({ entries: await entries.countDocuments({}), bytes: 0 }),
    close: async () => {},
  }
}

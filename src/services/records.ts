// Local API reads typed from the generated schema (src/payload-types.ts). Read at depth 0, a
// relationship is the related record's id, and every id is widened to `string | number` (ADR 4:
// SQL ids are numbers, MongoDB's strings). This is the one place a Local API result is cast: a
// read model is a `Pick` of a stored record, so renaming a field in a collection breaks the code
// that reads it at compile time instead of at run time.
import type { Payload, PayloadRequest, Sort, Where } from 'payload'

import type { Id } from '../domain/ids'
import type { Config } from '../payload-types'

type Collections = Config['collections']
export type Slug = keyof Collections

/** The fields of a record (or of a row of an array field) at depth 0, ids widened. */
type Fields<R> = { [K in keyof R]: K extends 'id' ? Id : Depth0<R[K]> }

/** A value as stored at depth 0: related records are ids, ids are `string | number`. */
export type Depth0<V> = V extends readonly (infer E)[]
  ? Depth0<E>[]
  : V extends { id: number; createdAt: string }
    ? Id
    : V extends object
      ? Fields<V>
      : V

/** A record of the collection as the Local API returns it at depth 0. */
export type Stored<S extends Slug> = Fields<Collections[S]>

/** The fields a read selects, and the record it gets back. */
export type Selected<S extends Slug, K extends keyof Stored<S>> = Pick<Stored<S>, K> & { id: Id }

type ReadArgs<S extends Slug, K extends keyof Stored<S>> = {
  collection: S
  /** The fields the read model needs (the id always comes). */
  select: readonly K[]
  where?: Where
  sort?: Sort
  limit?: number
  page?: number
  /** false: no count query (a list that needs no total). */
  pagination?: boolean
  /** Reads by server code are not a person's view of personal data (no audit event). */
  context?: Record<string, unknown>
  req?: PayloadRequest
  /** Read as an anonymous visitor: the collection's access applies (public pages). */
  asPublic?: boolean
}

const selectOf = (fields: readonly PropertyKey[]) =>
  Object.fromEntries(fields.map((f) => [f, true])) as Record<string, true>

/**
 * One page of records, typed by the fields selected. Server code: access is not applied, unless
 * the read is `asPublic`.
 */
export async function findSelected<S extends Slug, K extends keyof Stored<S>>(
  payload: Payload,
  { collection, select, context, asPublic = false, ...args }: ReadArgs<S, K>,
): Promise<{ docs: Selected<S, K>[]; hasNextPage: boolean; totalDocs: number }> {
  const res = await payload.find({
    collection,
    ...args,
    select: selectOf(select),
    depth: 0,
    overrideAccess: !asPublic,
    context: { noViewAudit: true, ...context },
  })
  return {
    // The cast this module exists for (see the head): the selected fields at depth 0.
    docs: res.docs as unknown as Selected<S, K>[],
    hasNextPage: res.hasNextPage,
    totalDocs: res.totalDocs,
  }
}

/** Every record matching, page by page (`limit` a page), typed by the fields selected. */
export async function findAllSelected<S extends Slug, K extends keyof Stored<S>>(
  payload: Payload,
  args: Omit<ReadArgs<S, K>, 'page'>,
): Promise<Selected<S, K>[]> {
  const out: Selected<S, K>[] = []
  for (let page = 1; ; page++) {
    const res = await findSelected(payload, { limit: 500, ...args, page })
    out.push(...res.docs)
    if (!res.hasNextPage) return out
  }
}

/** One record by id, typed by the fields selected; null when there is none. */
export async function findOneSelected<S extends Slug, K extends keyof Stored<S>>(
  payload: Payload,
  args: Omit<ReadArgs<S, K>, 'page' | 'limit'>,
): Promise<Selected<S, K> | null> {
  const res = await findSelected(payload, { ...args, limit: 1 })
  return res.docs[0] ?? null
}

/**
 * Every record matching, read straight from the database adapter (`payload.db.find`, the same
 * call on SQLite, PostgreSQL and MongoDB): no hooks, no access, no field traversal — several
 * times cheaper per record than the Local API. For server jobs scanning many records' stored
 * values (the nightly audit); a read model with computed or hooked fields uses `findSelected`.
 */
export async function scanSelected<S extends Slug, K extends keyof Stored<S>>(
  payload: Payload,
  {
    collection,
    select,
    where,
    sort,
    limit = 0,
  }: Pick<ReadArgs<S, K>, 'collection' | 'select' | 'where' | 'sort' | 'limit'>,
): Promise<Selected<S, K>[]> {
  const res = await payload.db.find({
    collection,
    where,
    sort,
    limit,
    pagination: false,
    select: selectOf(select),
  })
  // The adapter answers bare records: the selected fields as stored.
  return res.docs as unknown as Selected<S, K>[]
}

/** How many records match, counted by the database adapter (no hooks, no access). */
export async function countStored(payload: Payload, collection: Slug, where: Where) {
  return (await payload.db.count({ collection, where })).totalDocs
}

/** The condition keeping a read to these sites; `true` (platform staff) is every site. */
export const onSites = (sites: readonly Id[] | true): Where[] =>
  sites === true ? [] : [{ site: { in: sites } }]

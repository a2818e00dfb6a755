// Takes index numbers and document numbers for a signing, inside its transaction.
//
// Gapless and never reused: each number comes from one atomic `last = last + 1` on a counter row
// (`payload.db.updateOne` with `$inc`, which both SQL adapters and MongoDB run as a single
// statement). On PostgreSQL the row stays locked until the signing transaction ends, so
// concurrent signings queue, and a signing that fails rolls its number back. Every number is
// also recorded in `number-assignments` under a unique key, so a duplicate cannot be stored.
import type { PayloadRequest } from 'payload'

import { NUMBER_ASSIGNMENTS, NUMBERING_COUNTERS, NUMBERING_SERIES, SITES } from '../domain/slugs'
import { counterKey, formatDocNumber, formatIndexNumber } from '../domain/numbering'
import { findAllSelected } from './records'

type Id = string | number

async function bump(req: PayloadRequest, key: string): Promise<number | null> {
  const row = (await req.payload.db.updateOne({
    collection: NUMBERING_COUNTERS,
    where: { key: { equals: key } },
    // An atomic increment in the adapter: Payload's types do not know its `$inc` operator.
    data: { last: { $inc: 1 } } as unknown as Record<string, unknown>,
    options: { atomic: true },
    req,
  })) as { last?: number } | null
  return row?.last ?? null
}

/** The next number of a counter, creating the counter on first use. */
export async function takeNext(req: PayloadRequest, key: string): Promise<number> {
  const taken = await bump(req, key)
  if (taken != null) return taken
  // First number of this series and year. The counter is created outside the signing's
  // transaction: two first signings racing would otherwise abort one transaction on PostgreSQL.
  try {
    await req.payload.create({
      collection: NUMBERING_COUNTERS,
      data: { key, last: 0 },
      overrideAccess: true,
    })
  } catch {
    // Created meanwhile by a concurrent signing: the unique key refused ours.
  }
  const retried = await bump(req, key)
  if (retried == null) throw new Error(`numbering counter ${key} could not be created`)
  return retried
}

/** Creates a number record inside the signing's request, as the service rather than the person. */
async function record(req: PayloadRequest, data: Record<string, unknown>) {
  const before = req.context.numbering
  req.context.numbering = true
  try {
    return await req.payload.create({
      collection: NUMBER_ASSIGNMENTS,
      data,
      overrideAccess: true,
      req,
    })
  } finally {
    req.context.numbering = before
  }
}

const numberTaken = async (req: PayloadRequest, number: string) =>
  (
    await req.payload.find({
      collection: NUMBER_ASSIGNMENTS,
      where: { number: { equals: number } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
    })
  ).docs.length > 0

type Taken = { number: string; seq: number; year: number; scope: string }

async function take(
  req: PayloadRequest,
  input: {
    kind: 'index' | 'doc'
    scope: string
    year: number
    format: (seq: number) => string
    site: Id
    article: Id
    series?: Id
  },
): Promise<Taken> {
  const key =
    input.kind === 'index'
      ? counterKey.index(input.scope, input.year)
      : counterKey.doc(input.scope, input.year)
  // A number registered by hand for a paper document is already recorded: skip past it.
  for (;;) {
    const seq = await takeNext(req, key)
    const number = input.format(seq)
    if (await numberTaken(req, number)) continue
    await record(req, {
      site: input.site,
      number,
      kind: input.kind,
      scope: input.scope,
      series: input.series,
      year: input.year,
      seq,
      article: input.article,
      status: 'assigned',
      takenAt: new Date().toISOString(),
      takenBy: req.user?.id,
    })
    return { number, seq, year: input.year, scope: input.scope }
  }
}

export const takeIndexNumber = (
  req: PayloadRequest,
  { orgCode, year, site, article }: { orgCode: string; year: number; site: Id; article: Id },
) =>
  take(req, {
    kind: 'index',
    scope: orgCode,
    year,
    site,
    article,
    format: (seq) => formatIndexNumber({ orgCode, year, seq }),
  })

export const takeDocNumber = (
  req: PayloadRequest,
  {
    series,
    prefix,
    year,
    site,
    article,
  }: { series: Id; prefix: string; year: number; site: Id; article: Id },
) =>
  take(req, {
    kind: 'doc',
    scope: String(series),
    year,
    site,
    article,
    series,
    format: (seq) => formatDocNumber({ prefix, year, seq }),
  })

/** Records a document number entered by hand (a paper document) so that nothing reuses it. */
export async function recordManualDocNumber(
  req: PayloadRequest,
  input: { number: string; series?: Id | null; year: number; seq: number; site: Id; article: Id },
) {
  const existing = await req.payload.find({
    collection: NUMBER_ASSIGNMENTS,
    where: { number: { equals: input.number } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
  })
  if (existing.docs.length) return existing.docs[0]
  return record(req, {
    site: input.site,
    number: input.number,
    kind: 'doc',
    scope: input.series != null ? String(input.series) : `manual:${input.number.split('〔')[0]}`,
    series: input.series ?? undefined,
    year: input.year,
    seq: input.seq,
    article: input.article,
    status: 'manual',
    takenAt: new Date().toISOString(),
    takenBy: req.user?.id,
  })
}

/** Creates a counter row if it is missing; a concurrent creation is as good as ours. */
async function ensureCounter(
  payload: PayloadRequest['payload'],
  key: string,
  req?: PayloadRequest,
): Promise<boolean> {
  const found = await payload.find({
    req,
    collection: NUMBERING_COUNTERS,
    where: { key: { equals: key } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { id: true },
  })
  if (found.docs.length) return false
  try {
    await payload.create({
      collection: NUMBERING_COUNTERS,
      data: { key, last: 0 },
      overrideAccess: true,
      req,
    })
    return true
  } catch {
    return false
  }
}

/** A new series gets its counters in the transaction that creates it (nobody races a new id). */
export async function ensureSeriesCounters(req: PayloadRequest, series: Id, years: number[]) {
  for (const year of years)
    await ensureCounter(req.payload, counterKey.doc(String(series), year), req)
}

/**
 * Makes the counters of every organisation and series for these years ahead of time. The first
 * signing of a year otherwise creates its counter outside its transaction; in a burst of first
 * signings each holds a pooled connection while waiting for another, and the pool runs dry.
 * Run when Payload starts, when a site or series is saved, and daily by the jobs queue.
 */
export async function ensureCounters(
  payload: PayloadRequest['payload'],
  years: number[],
): Promise<number> {
  const [sites, series] = await Promise.all([
    findAllSelected(payload, { collection: SITES, select: ['orgCode'] }),
    findAllSelected(payload, { collection: NUMBERING_SERIES, select: ['id'] }),
  ])
  const keys = new Set<string>()
  for (const year of years) {
    for (const s of sites) if (s.orgCode) keys.add(counterKey.index(s.orgCode, year))
    for (const s of series) keys.add(counterKey.doc(String(s.id), year))
  }
  let made = 0
  for (const key of keys) if (await ensureCounter(payload, key)) made++
  return made
}

/**
 * A site's organisation code gets its index counters in the transaction that saves it. (Two
 * sites saved at the same moment with one new organisation code could clash on PostgreSQL; the
 * loser's save is refused and can simply be repeated.)
 */
export async function ensureOrgCounters(req: PayloadRequest, orgCode: string, years: number[]) {
  for (const year of years) await ensureCounter(req.payload, counterKey.index(orgCode, year), req)
}

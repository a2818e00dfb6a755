// Cache purges reach every node: a change records the tags it purged in the database (inside
// its own transaction, so the row appears when the change does), and every node polls for rows
// newer than the last it saw and drops the same pages. A node also applies its own rows: its
// immediate purge ran before the commit, and a reader may have re-cached the old page since.
import crypto from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { CACHE_PURGES } from '../domain/slugs'
import { logger } from '../logger'
import { pageCache } from './page-cache'
import { findSelected } from './records'
import { PURGE_RETENTION_MS } from './shared-state'

/** This process, named in the rows it writes (for the log; every node applies every row). */
export const NODE_ID = crypto.randomBytes(6).toString('hex')

/** How often a node looks for purges: a publish shows everywhere within about this long. */
export const PURGE_POLL_MS = 400
/** Purges read at most at once; more than this in one poll drops the whole cache instead. */
const BATCH = 2000
/** Rows written by a node whose clock runs behind still count: look back this far again. */
const OVERLAP_MS = 5000

/**
 * Marks a purge of pages taken down on purpose: no node keeps an earlier version of them to
 * serve during an outage. Tags are ours (`site:1`), so this token cannot clash with one.
 */
const NO_STALE = '!no-stale'

/** Records a purge for the other nodes, in the transaction of the change that caused it. */
export async function recordPurge(
  req: PayloadRequest,
  tags: string[],
  { keepStale = true }: { keepStale?: boolean } = {},
): Promise<void> {
  if (!tags.length) return
  await req.payload.create({
    collection: CACHE_PURGES,
    data: { tags: [...(keepStale ? [] : [NO_STALE]), ...tags].join(' '), origin: NODE_ID },
    overrideAccess: true,
    depth: 0,
    req,
  })
}

/**
 * Drops pages here at once and records the purge for the other nodes, with the change itself.
 * `keepStale: false` for a page taken down on purpose: no node may show its earlier version
 * during an outage.
 */
export async function purgePages(
  req: PayloadRequest,
  list: string[],
  keepStale = true,
): Promise<void> {
  pageCache.purge(list, { keepStale })
  await recordPurge(req, list, { keepStale })
}

type Sync = { stop: () => void; settled: () => Promise<void> }
const syncs = new WeakMap<Payload, Sync>()

/** Starts polling for purges (once per Payload instance). */
export function startPurgeSync(payload: Payload, { intervalMs = PURGE_POLL_MS } = {}): Sync {
  const running = syncs.get(payload)
  if (running) return running
  let lastSeen = Date.now()
  let lastOk = Date.now()
  let loggedAt = 0
  const applied = new Map<string, number>()
  let timer: NodeJS.Timeout | null = null
  let stopped = false
  // Those waiting for a whole poll: each is answered by the first poll that starts after it.
  let waiting: (() => void)[] = []

  const poll = async () => {
    const answered = waiting
    waiting = []
    try {
      const res = await findSelected(payload, {
        collection: CACHE_PURGES,
        where: { createdAt: { greater_than: new Date(lastSeen - OVERLAP_MS).toISOString() } },
        select: ['tags', 'createdAt'],
        sort: 'createdAt',
        limit: BATCH,
        pagination: false,
      })
      if (Date.now() - lastOk > PURGE_RETENTION_MS / 2) {
        // Away longer than rows are kept: some purges may be gone, so drop everything.
        pageCache.clear()
      }
      lastOk = Date.now()
      if (res.docs.length === BATCH) {
        // A flood (a bulk import): more purges than one read holds. Dropping every page is
        // cheaper and surely right (the tags seen still go through purge, for the registry's
        // lists of sites and columns); then carry on from now.
        const seen = new Set(res.docs.flatMap((d) => d.tags.split(' ')))
        const keepStale = !seen.delete(NO_STALE)
        seen.delete('')
        pageCache.purge([...seen, 'platform'], { keepStale })
        pageCache.clear()
        applied.clear()
        lastSeen = Date.now()
        return
      }
      for (const doc of res.docs) {
        const id = String(doc.id)
        const at = new Date(doc.createdAt).getTime()
        if (at > lastSeen) lastSeen = at
        if (applied.has(id)) continue
        applied.set(id, at)
        const words = doc.tags.split(' ').filter(Boolean)
        const tags = words.filter((w) => w !== NO_STALE)
        if (tags.length) pageCache.purge(tags, { keepStale: !words.includes(NO_STALE) })
      }
      for (const [id, at] of applied) if (at < lastSeen - 2 * OVERLAP_MS) applied.delete(id)
    } catch (err) {
      // The database is away (another module reports that); cached pages stay as they are.
      if (Date.now() - loggedAt > 60_000) {
        loggedAt = Date.now()
        logger.warn({ err }, 'cache purges could not be read')
      }
    } finally {
      for (const done of answered) done()
      if (!stopped) {
        timer = setTimeout(poll, intervalMs)
        timer.unref()
      }
    }
  }
  timer = setTimeout(poll, intervalMs)
  timer.unref()
  const sync: Sync = {
    stop: () => {
      stopped = true
      if (timer) clearTimeout(timer)
      syncs.delete(payload)
      for (const done of waiting.splice(0)) done()
    },
    settled: () => new Promise<void>((resolve) => waiting.push(resolve)),
  }
  syncs.set(payload, sync)
  return sync
}

/**
 * Resolves after a whole poll that began after the call: every purge committed before it has
 * then been applied here too (tests that expect a page to stay cached after a change).
 */
export const purgesSettled = async (payload: Payload): Promise<void> =>
  syncs.get(payload)?.settled()

/** Stops polling (tests, shutdown). */
export const stopPurgeSync = (payload: Payload): void => syncs.get(payload)?.stop()

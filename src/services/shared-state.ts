// What the public nodes share through the database: one-time tokens (a CAPTCHA once answered)
// and the sweep of expired shared rows. Adapter-neutral Local API calls only, so SQLite,
// PostgreSQL and MongoDB run the same code.
import type { Payload } from 'payload'

import { CACHE_PURGES, PUBLIC_TOKENS, RATE_LIMITS } from '../domain/slugs'
import { findOneSelected } from './records'

/** A unique-key refusal, as each adapter words it. */
export const isUniqueViolation = (err: unknown): boolean =>
  /unique|duplicate|already|E11000|UNIQUE constraint|唯一|已存在/i.test(
    `${(err as Error)?.message ?? ''} ${JSON.stringify((err as { data?: unknown })?.data ?? '')}`,
  )

export async function readToken(payload: Payload, key: string, now = new Date()) {
  const doc = await findOneSelected(payload, {
    collection: PUBLIC_TOKENS,
    where: { and: [{ key: { equals: key } }, { expiresAt: { greater_than: now.toISOString() } }] },
    select: ['owner'],
    pagination: false,
  })
  return doc ? { owner: doc.owner ?? '' } : null
}

/**
 * Claims `key` for `owner` until `expiresAt`: true when this call made the claim, false when
 * some node had claimed it first. The unique index decides, so two nodes cannot both win.
 */
export async function claimToken(
  payload: Payload,
  { key, owner, expiresAt }: { key: string; owner: string; expiresAt: Date },
): Promise<boolean> {
  try {
    await payload.create({
      collection: PUBLIC_TOKENS,
      data: { key, owner, expiresAt: expiresAt.toISOString() },
      overrideAccess: true,
      depth: 0,
    })
    return true
  } catch (err) {
    if (isUniqueViolation(err)) return false
    throw err
  }
}

/** Purges kept this long, so a node that was away a moment still sees them. */
export const PURGE_RETENTION_MS = 10 * 60 * 1000

/** Deletes expired tokens and counters, and purges older than the retention. */
export async function sweepSharedState(payload: Payload, now = new Date()) {
  const iso = now.toISOString()
  const [tokens, limits, purges] = await Promise.all([
    payload.delete({
      collection: PUBLIC_TOKENS,
      where: { expiresAt: { less_than: iso } },
      overrideAccess: true,
      depth: 0,
    }),
    payload.delete({
      collection: RATE_LIMITS,
      where: { expire: { less_than: iso } },
      overrideAccess: true,
      depth: 0,
    }),
    payload.delete({
      collection: CACHE_PURGES,
      where: {
        createdAt: { less_than: new Date(now.getTime() - PURGE_RETENTION_MS).toISOString() },
      },
      overrideAccess: true,
      depth: 0,
    }),
  ])
  return { tokens: tokens.docs.length, limits: limits.docs.length, purges: purges.docs.length }
}

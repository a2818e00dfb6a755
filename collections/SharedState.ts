// State the public nodes share through the database (DESIGN: stateless app nodes behind a load
// balancer): spent CAPTCHAs, rate-limit counters and cache purges. Written and read by the
// server only (src/services/shared-state.ts, rate-limits.ts, cache-purges.ts), never through
// the admin or the API; expired rows are swept by the `sharedStateSweep` job.
import type { CollectionConfig, Field } from 'payload'

import { nobody, serverWritten } from './access'
import { CACHE_PURGES, PUBLIC_TOKENS, RATE_LIMITS } from './slugs'

/** The config every shared-state collection has: hidden, closed to people, never locked. */
const serverOnly = (): Pick<CollectionConfig, 'admin' | 'access' | 'lockDocuments'> => ({
  admin: { hidden: true },
  access: serverWritten(nobody),
  // Nobody edits these in the admin: no lock rows for them.
  lockDocuments: false,
})

/** The row's key: the unique index makes "first node to claim wins" one insert on every adapter. */
const uniqueKey = (): Field => ({ name: 'key', type: 'text', required: true, unique: true })

/** One-time tokens: a CAPTCHA once answered (and by which submission), until it expires. */
export const PublicTokens: CollectionConfig = {
  slug: PUBLIC_TOKENS,
  ...serverOnly(),
  timestamps: false,
  fields: [
    uniqueKey(),
    { name: 'owner', type: 'text' },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
}

/** Rate-limit counters in rate-limiter-flexible's shape: points consumed until `expire`. */
export const RateLimits: CollectionConfig = {
  slug: RATE_LIMITS,
  ...serverOnly(),
  timestamps: false,
  fields: [
    uniqueKey(),
    { name: 'points', type: 'number', required: true, defaultValue: 0 },
    { name: 'expire', type: 'date', index: true },
  ],
}

/** Tags purged from the output cache; every public node polls for rows newer than it saw. */
export const CachePurges: CollectionConfig = {
  slug: CACHE_PURGES,
  ...serverOnly(),
  fields: [
    { name: 'tags', type: 'text', required: true },
    /** The node that purged (it dropped its own pages at once). */
    { name: 'origin', type: 'text' },
  ],
}

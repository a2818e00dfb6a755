// State the public nodes share through the database (DESIGN: stateless app nodes behind a load
// balancer): spent CAPTCHAs, rate-limit counters and cache purges. Written and read by the
// server only (src/services/shared-state.ts, rate-limits.ts, cache-purges.ts), never through
// the admin or the API; expired rows are swept by the `sharedStateSweep` job.
import type { CollectionConfig } from 'payload'

import { nobody } from './access'
import { CACHE_PURGES, PUBLIC_TOKENS, RATE_LIMITS } from './slugs'

const closed = { read: nobody, create: nobody, update: nobody, delete: nobody }

/** One-time tokens: a CAPTCHA once answered (and by which submission), until it expires. */
export const PublicTokens: CollectionConfig = {
  slug: PUBLIC_TOKENS,
  admin: { hidden: true },
  access: closed,
  // Nobody edits these in the admin: no lock rows for them.
  lockDocuments: false,
  timestamps: false,
  fields: [
    // The unique index makes "first node to claim wins" one insert on every adapter.
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'owner', type: 'text' },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
}

/** Rate-limit counters in rate-limiter-flexible's shape: points consumed until `expire`. */
export const RateLimits: CollectionConfig = {
  slug: RATE_LIMITS,
  admin: { hidden: true },
  access: closed,
  lockDocuments: false,
  timestamps: false,
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'points', type: 'number', required: true, defaultValue: 0 },
    { name: 'expire', type: 'date', index: true },
  ],
}

/** Tags purged from the output cache; every public node polls for rows newer than it saw. */
export const CachePurges: CollectionConfig = {
  slug: CACHE_PURGES,
  admin: { hidden: true },
  access: closed,
  lockDocuments: false,
  fields: [
    { name: 'tags', type: 'text', required: true },
    /** The node that purged (it dropped its own pages at once). */
    { name: 'origin', type: 'text' },
  ],
}

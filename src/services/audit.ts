// Appends events to the hash-chained audit trail and verifies it.
//
// Appends are serialised in this process and written outside any business transaction (a
// PostgreSQL transaction waiting on a numbering lock must never wait for the pool as well).
// Across processes, the unique `seq` refuses the second of two racing appends, which then
// re-reads the tail and tries again, so the chain never forks.
import type { Payload, PayloadRequest } from 'payload'

import { type Id, idOf } from '../domain/ids'
import { AUDIT_EVENTS } from '../domain/slugs'
import {
  type AuditEvent,
  createVerifier,
  sealEvent,
  type VerifyResult,
} from '../domain/audit-chain'
import { logger } from '../logger'

export type AuditInput = {
  action: string
  outcome?: 'success' | 'failure'
  user?: Id | null
  userEmail?: string | null
  site?: Id | null
  target?: string | null
  detail?: unknown
  at?: string
}

let tail: Promise<unknown> = Promise.resolve()

async function append(payload: Payload, input: AuditInput): Promise<void> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const last = await payload.find({
      collection: AUDIT_EVENTS,
      sort: '-seq',
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { seq: true, hash: true },
    })
    const previous = last.docs[0] as { seq: number; hash: string } | undefined
    const event = sealEvent(previous ?? null, {
      at: input.at ?? new Date().toISOString(),
      user: input.user != null ? String(input.user) : null,
      userEmail: input.userEmail ?? null,
      site: input.site ?? null,
      action: input.action,
      target: input.target ?? null,
      outcome: input.outcome ?? 'success',
      detail: input.detail ?? null,
    })
    try {
      await payload.create({
        collection: AUDIT_EVENTS,
        // The sealed event as hashed, field for field; its ids are `string | number` (ADR 4)
        // where the generated create type wants the SQL adapters' numbers.
        data: event as unknown as Record<string, unknown>,
        overrideAccess: true,
        context: { audit: true },
      })
      return
    } catch (err) {
      // Another process appended the same seq first: read the new tail and chain after it.
      if (attempt === 7) throw err
    }
  }
}

/** Queues an event; resolves when it is stored. Never throws into the caller's request. */
export function recordAudit(payload: Payload, input: AuditInput): Promise<void> {
  const next = tail.then(() =>
    append(payload, input).catch((err: unknown) => {
      logger.error({ err, action: input.action }, 'audit event could not be stored')
    }),
  )
  tail = next
  return next
}

/** Resolves when every queued event is stored (tests, shutdown). */
export const auditSettled = (): Promise<unknown> => tail

/** The actor and site of a request, for an event. */
export const actorOf = (req: PayloadRequest) => {
  const user = req.user as { id?: Id; email?: string } | null | undefined
  return { user: user?.id ?? null, userEmail: user?.email ?? null }
}

/** Verifies the whole chain page by page, holding one page in memory. */
export async function verifyAudit(payload: Payload, pageSize = 1000): Promise<VerifyResult> {
  const verifier = createVerifier()
  let page = 1
  for (;;) {
    const res = await payload.find({
      collection: AUDIT_EVENTS,
      sort: 'seq',
      limit: pageSize,
      page,
      depth: 0,
      overrideAccess: true,
    })
    for (const doc of res.docs) {
      // Stored as sealed: the generated type widens `detail` (json) and numbers the ids (ADR 4).
      const d = doc as unknown as AuditEvent & { id: Id; site?: unknown }
      verifier.push({ ...d, site: idOf(d.site) ?? null })
    }
    if (!res.hasNextPage) break
    page++
  }
  return verifier.result()
}

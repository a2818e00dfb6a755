// A disclosure request as services read it from the database, and the name of its site.
import type { Payload } from 'payload'

import { type Id, idOf } from '../domain/ids'
import { SITES } from '../domain/slugs'
import type { TimelineEntry, RequestStatus } from '../domain/request-steps'

export type RequestDoc = {
  id: Id
  site: Id | { id: Id; name?: string }
  trackingCode: string
  applicantName?: string | null
  email?: string | null
  status: RequestStatus
  receivedAt: string
  dueDate?: string | null
  outcome?: string | null
  replyText?: string | null
  replyFile?: Id | { id: Id } | null
  delivery?: string | null
  feeAmount?: number | null
  timeline?: (TimelineEntry & { id?: string })[] | null
}

export async function siteName(payload: Payload, site: RequestDoc['site']): Promise<string> {
  if (typeof site === 'object' && site.name) return site.name
  const doc = await payload
    .findByID({ collection: SITES, id: idOf(site)!, depth: 0, overrideAccess: true })
    .catch(() => null)
  return (doc as { name?: string } | null)?.name ?? ''
}

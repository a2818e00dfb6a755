// 依申请公开 tracking: what the applicant may read of their request with the tracking code —
// status, received and due dates with the explanation, the timeline's public labels and notes;
// nothing else of the request, ever.
import type { Payload } from 'payload'

import { beijingDate, beijingDateTime } from '../domain/dates'
import type { Id } from '../domain/ids'
import { REQUEST_STATUS_LABELS, type RequestStatus } from '../domain/request-steps'
import { DISCLOSURE_REQUESTS } from '../domain/slugs'

export type RequestTracking = {
  statusLabel: string
  receivedAt: string
  dueDate: string
  dueExplanation: string[]
  timeline: { at: string; datetime: string; label: string; note: string }[]
}

/** This site's request with this code (normalised), or null. */
export async function trackRequest(
  payload: Payload,
  { site, code }: { site: Id | readonly Id[]; code: string },
): Promise<RequestTracking | null> {
  const res = await payload.find({
    collection: DISCLOSURE_REQUESTS,
    where: {
      and: [
        { trackingCode: { in: [code, code.replace(/-/g, '')] } },
        { site: { in: [site].flat() } },
      ],
    },
    select: {
      status: true,
      receivedAt: true,
      dueDate: true,
      dueExplanation: true,
      timeline: { at: true, label: true, note: true },
    },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    context: { noViewAudit: true },
  })
  const doc = res.docs[0] as
    | {
        status: RequestStatus
        receivedAt: string
        dueDate?: string | null
        dueExplanation?: string[] | null
        timeline?: { at: string; label?: string | null; note?: string | null }[] | null
      }
    | undefined
  if (!doc) return null
  return {
    statusLabel: REQUEST_STATUS_LABELS[doc.status] ?? '',
    receivedAt: beijingDate(doc.receivedAt),
    dueDate: doc.dueDate ? beijingDate(doc.dueDate) : '',
    dueExplanation: Array.isArray(doc.dueExplanation) ? doc.dueExplanation.map(String) : [],
    timeline: (doc.timeline ?? []).map((t) => ({
      at: beijingDateTime(t.at),
      datetime: t.at,
      label: t.label ?? '',
      note: t.note ?? '',
    })),
  }
}

// The fee (信息处理费) for a request, counting the applicant's applications this month.
import type { Payload, PayloadRequest, Where } from 'payload'

import { dayInstant, dayOf } from '../domain/dates'
import { feeFor, type FeeMethod } from '../domain/disclosure'
import type { Id } from '../domain/ids'
import { DISCLOSURE_REQUESTS } from '../domain/slugs'

/** The fee for a request: this applicant's applications this month (by ID number) and pages. */
export async function feeForRequest(
  payload: Payload,
  doc: {
    id?: Id
    idNumber?: string | null
    applicantName?: string | null
    receivedAt: unknown
    pages?: number | null
  },
  method?: FeeMethod,
  req?: PayloadRequest,
) {
  const day = dayOf(doc.receivedAt)
  const month = day.slice(0, 7)
  const [y, m] = month.split('-').map(Number)
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
  const who: Where = doc.idNumber
    ? { idNumber: { equals: doc.idNumber } }
    : { applicantName: { equals: doc.applicantName ?? '' } }
  const counted = await payload.count({
    collection: DISCLOSURE_REQUESTS,
    overrideAccess: true,
    where: {
      and: [
        who,
        { receivedAt: { greater_than_equal: dayInstant(`${month}-01`) } },
        { receivedAt: { less_than: dayInstant(next) } },
        { receivedAt: { less_than_equal: dayInstant(day) } },
      ],
    },
    req,
  })
  return feeFor({
    applicationsThisMonth: Math.max(1, counted.totalDocs),
    pages: doc.pages ?? 0,
    method,
  })
}

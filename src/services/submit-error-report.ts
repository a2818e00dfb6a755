// 我要纠错: one submission of the public form, whichever node receives it (stored under its
// idempotency key: a key seen before answers with the report it made), and the reporter's
// tracking by query code.
import type { Payload } from 'payload'

import { dayOf } from '../domain/dates'
import {
  ERROR_TYPE_LABELS,
  type ErrorType,
  REPORT_STATUS_LABELS,
  type ReportFormValue,
  type ReportStatus,
} from '../domain/error-reports'
import type { Id } from '../domain/ids'
import { ERROR_REPORTS } from '../domain/slugs'
import { isUniqueViolation } from './shared-state'

export type StoredReport = {
  id: Id
  queryCode: string
  receivedAt: string
  dueDate: string
  email?: string | null
}

const STORED = { queryCode: true, receivedAt: true, dueDate: true, email: true } as const

/** The report this site already has under an idempotency key, if any. */
export async function findReportByKey(
  payload: Payload,
  site: Id,
  key: string,
): Promise<StoredReport | null> {
  const res = await payload.find({
    collection: ERROR_REPORTS,
    where: { and: [{ idempotencyKey: { equals: key } }, { site: { equals: site } }] },
    select: STORED,
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    context: { noViewAudit: true },
  })
  return (res.docs[0] as StoredReport | undefined) ?? null
}

/** Stores one report; a key seen before (another node, an earlier click) answers with it. */
export async function submitErrorReport(
  payload: Payload,
  { site, value, key }: { site: Id; value: ReportFormValue; key: string },
): Promise<StoredReport> {
  try {
    const doc = await payload.create({
      collection: ERROR_REPORTS,
      data: {
        site,
        url: value.url,
        type: value.type,
        description: value.description,
        contact: value.contact,
        email: value.email,
        idempotencyKey: key,
      },
      // The whole record: the hooks after the change (the handlers' notice, the statistics'
      // purge) read its site and dates from it.
      overrideAccess: true,
      depth: 0,
      context: { noViewAudit: true },
    })
    return doc as unknown as StoredReport
  } catch (err) {
    if (isUniqueViolation(err)) {
      for (let i = 0; i < 10; i++) {
        const existing = await findReportByKey(payload, site, key)
        if (existing) return existing
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    throw err
  }
}

export type TrackedReport = {
  url: string
  typeLabel: string
  description: string
  status: ReportStatus
  statusLabel: string
  receivedAt: string
  dueDate: string
  answered: boolean
  answeredAt: string
  reply: string
}

/** What the holder of a report's query code reads (never the contact given). */
export async function trackErrorReport(
  payload: Payload,
  { site, code }: { site: Id; code: string },
): Promise<TrackedReport | null> {
  const res = await payload.find({
    collection: ERROR_REPORTS,
    where: { and: [{ queryCode: { equals: code } }, { site: { equals: site } }] },
    select: {
      url: true,
      type: true,
      description: true,
      status: true,
      receivedAt: true,
      dueDate: true,
      answeredAt: true,
      reply: true,
    },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    context: { noViewAudit: true },
  })
  const d = res.docs[0] as unknown as
    | {
        url: string
        type: ErrorType
        description: string
        status: ReportStatus
        receivedAt: string
        dueDate: string
        answeredAt?: string | null
        reply?: string | null
      }
    | undefined
  if (!d) return null
  return {
    url: d.url,
    typeLabel: ERROR_TYPE_LABELS[d.type] ?? d.type,
    description: d.description,
    status: d.status,
    statusLabel: REPORT_STATUS_LABELS[d.status] ?? d.status,
    receivedAt: dayOf(d.receivedAt),
    dueDate: dayOf(d.dueDate),
    answered: d.status !== 'received',
    answeredAt: d.answeredAt ? dayOf(d.answeredAt) : '',
    reply: d.reply ?? '',
  }
}

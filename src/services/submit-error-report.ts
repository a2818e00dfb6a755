// 我要纠错: one submission of the public form, whichever node receives it (stored under its
// idempotency key: a key seen before answers with the report it made), and the reporter's
// tracking by query code.
import type { Payload } from 'payload'

import { dayOf } from '../domain/dates'
import {
  ERROR_TYPE_LABELS,
  REPORT_STATUS_LABELS,
  type ReportFormValue,
  type ReportStatus,
} from '../domain/error-reports'
import type { Id } from '../domain/ids'
import { ERROR_REPORTS } from '../domain/slugs'
import { findOneSelected, type Selected } from './records'
import { isUniqueViolation } from './shared-state'

const STORED = ['queryCode', 'receivedAt', 'dueDate', 'email'] as const
export type StoredReport = Selected<typeof ERROR_REPORTS, (typeof STORED)[number]>

/** The report this site already has under an idempotency key, if any. */
export async function findReportByKey(
  payload: Payload,
  site: Id,
  key: string,
): Promise<StoredReport | null> {
  return findOneSelected(payload, {
    collection: ERROR_REPORTS,
    where: { and: [{ idempotencyKey: { equals: key } }, { site: { equals: site } }] },
    select: STORED,
  })
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
    return { ...doc, id: doc.id } as StoredReport
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
  { site, code }: { site: Id | readonly Id[]; code: string },
): Promise<TrackedReport | null> {
  const d = await findOneSelected(payload, {
    collection: ERROR_REPORTS,
    where: { and: [{ queryCode: { equals: code } }, { site: { in: [site].flat() } }] },
    select: [
      'url',
      'type',
      'description',
      'status',
      'receivedAt',
      'dueDate',
      'answeredAt',
      'reply',
    ],
  })
  if (!d) return null
  return {
    url: d.url,
    typeLabel: ERROR_TYPE_LABELS[d.type] ?? d.type,
    description: d.description,
    status: d.status,
    statusLabel: REPORT_STATUS_LABELS[d.status] ?? d.status,
    receivedAt: dayOf(d.receivedAt),
    dueDate: d.dueDate ? dayOf(d.dueDate) : '',
    answered: d.status !== 'received',
    answeredAt: d.answeredAt ? dayOf(d.answeredAt) : '',
    reply: d.reply ?? '',
  }
}

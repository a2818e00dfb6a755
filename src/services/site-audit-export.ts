// One stored audit run as a download: CSV (UTF-8 with BOM) or an Excel sheet, with the site and
// the run's time in the file name.
import ExcelJS from 'exceljs'
import type { Payload, PayloadRequest } from 'payload'

import { csvTable } from '../domain/csv'
import { beijingDate, beijingDateTime } from '../domain/dates'
import { AUDIT_STATUS_LABELS, type AuditItem, auditRows } from '../domain/site-audit'
import type { Id } from '../domain/ids'
import { SITE_AUDITS, SITES } from '../domain/slugs'
import { contentDisposition, CSV_TYPE, XLSX_TYPE } from './annual-report'
import { findOneSelected } from './records'

export type StoredRun = {
  siteName: string
  ranAt: string
  status: keyof typeof AUDIT_STATUS_LABELS
  items: AuditItem[]
}

export async function auditRunFile(
  run: StoredRun,
  format: 'csv' | 'xlsx',
): Promise<{ body: string | ArrayBuffer; headers: Record<string, string> }> {
  const name = `${run.siteName}网站体检-${beijingDate(run.ranAt)}`
  const ascii = `site-audit-${beijingDate(run.ranAt)}`
  const title = `${run.siteName} 网站体检（${beijingDateTime(run.ranAt)}）结论：${AUDIT_STATUS_LABELS[run.status]}`
  const rows = auditRows(run.items)
  if (format === 'csv')
    return {
      body: csvTable([[title], ...rows]),
      headers: {
        'Content-Type': CSV_TYPE,
        'Content-Disposition': contentDisposition(`${ascii}.csv`, `${name}.csv`),
      },
    }
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('网站体检')
  sheet.columns = [16, 10, 10, 50, 40, 70].map((width) => ({ width }))
  sheet.addRow([title]).font = { bold: true, size: 13 }
  sheet.addRow(rows[0]).font = { bold: true }
  for (const r of rows.slice(1)) sheet.addRow(r).alignment = { wrapText: true, vertical: 'top' }
  return {
    body: Uint8Array.from(Buffer.from(await book.xlsx.writeBuffer())).buffer,
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': contentDisposition(`${ascii}.xlsx`, `${name}.xlsx`),
    },
  }
}

/** A stored run as the person may read it (their read access decides), or null. */
export async function readableRun(
  payload: Payload,
  user: PayloadRequest['user'],
  id: Id,
): Promise<StoredRun | null> {
  const allowed = await payload
    .find({
      collection: SITE_AUDITS,
      where: { id: { equals: id } },
      user,
      overrideAccess: false,
      depth: 0,
      limit: 1,
      pagination: false,
      select: { site: true },
    })
    .catch(() => null)
  if (!allowed?.docs.length) return null
  const run = await findOneSelected(payload, {
    collection: SITE_AUDITS,
    where: { id: { equals: id } },
    select: ['site', 'ranAt', 'status', 'items'],
  })
  if (!run) return null
  const site = await findOneSelected(payload, {
    collection: SITES,
    where: { id: { equals: run.site } },
    select: ['name'],
  })
  return {
    siteName: site?.name ?? '',
    ranAt: run.ranAt,
    status: run.status,
    // A json field, written by the audit from the domain's AuditItem[].
    items: run.items as unknown as AuditItem[],
  }
}

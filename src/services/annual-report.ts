// The annual disclosure report (政府信息公开工作年度报告) of a site and year, computed from the
// site's documents and requests, plus the text the site writes; its CSV (the staff preview's
// endpoint is in report-endpoints.ts).
//
// Only counts leave this module for the public. Tracking codes name the requests that break
// table 三's check, and a tracking code is the key to a citizen's request: staff only.
import type { Payload, Where } from 'payload'

import {
  type AnnualReport,
  type OffendingRequest,
  type ReportCase,
  type ReportCheck,
  type ReportDocument,
  type ReportRequest,
  type ReportSections,
  SECTION_TITLES,
  type StaffAnnualReport,
  checkLines,
  checkTable3,
  computeTable2,
  computeTable3,
  computeTable4,
  reportTitle,
  tableToCsv,
} from '../domain/annual-report'
import { csvCell } from '../domain/csv'
import { beijingDate } from '../domain/dates'
import {
  type ApplicantKind,
  type OutcomeCode,
  VALIDITY_STATES,
  type Validity,
  isOutcomeCode,
} from '../domain/disclosure'
import { type Id } from '../domain/ids'
import { ANNUAL_REPORTS, ARTICLES, DISCLOSURE_REQUESTS, SITES } from '../domain/slugs'
import { findOneSelected, findSelected, type Selected, type Slug, type Stored } from './records'

// The report's shape, its title and its check sentences are pure: they live in the domain,
// where the Excel export takes them too. Re-exported for the routes and tests that import here.
export type { AnnualReport, OffendingRequest, ReportCheck, ReportSections, StaffAnnualReport }
export { checkLines, reportTitle }

/**
 * 制发 is the organ issuing the document, which signing (签发) does: a signed document counts
 * whether its page is waiting, online, withdrawn (撤回) or taken offline (下线) — taking a page
 * down does not un-issue a rule; ending it is a validity change (废止/失效), which table 二
 * counts separately. Drafts and documents still in review were never issued.
 */
export const ISSUED_STATES = ['signed', 'scheduled', 'published', 'withdrawn', 'unpublished']

const PAGE_SIZE = 500
/** Stored dates are instants; a day of slack each side, then the domain filters by Beijing day. */
const DAY_MS = 24 * 3600 * 1000
const instant = (day: string, shiftDays = 0) =>
  new Date(new Date(`${day}T00:00:00+08:00`).getTime() + shiftDays * DAY_MS).toISOString()

/**
 * Pages through one site's rows matching every condition, PAGE_SIZE at a time, so no call loads
 * an unbounded list. Aggregates only: the caller decides who sees what; nothing personal is
 * selected, and reading a request for a count is not a person's view of personal data.
 */
async function eachPage<S extends Slug, K extends keyof Stored<S>>(
  payload: Payload,
  args: { collection: S; site: Id; where: Where[]; select: readonly K[] },
  visit: (docs: Selected<S, K>[]) => void,
): Promise<void> {
  for (let page = 1; ; page++) {
    const res = await findSelected(payload, {
      collection: args.collection,
      where: { and: [{ site: { equals: args.site } }, ...args.where] },
      select: args.select,
      sort: 'id',
      limit: PAGE_SIZE,
      page,
    })
    visit(res.docs)
    if (!res.hasNextPage) return
  }
}

async function loadDocuments(
  payload: Payload,
  siteId: Id,
): Promise<{ documents: ReportDocument[]; problems: string[] }> {
  const documents: ReportDocument[] = []
  const problems: string[] = []
  await eachPage(
    payload,
    {
      collection: ARTICLES,
      site: siteId,
      where: [{ documentKind: { in: ['rule', 'normative'] } }, { state: { in: ISSUED_STATES } }],
      select: [
        'title',
        'docNumber',
        'documentKind',
        'dateFormed',
        'signedAt',
        'validity',
        'validityChangedOn',
      ],
    },
    (docs) => {
      for (const a of docs) {
        const name = `《${a.title ?? ''}》${a.docNumber ? `（${a.docNumber}）` : ''}`
        const issuedOn = beijingDate(a.dateFormed) || beijingDate(a.signedAt)
        if (!issuedOn) {
          problems.push(`${name}没有成文日期或签发时间，未计入表二`)
          continue
        }
        const validity: Validity = (VALIDITY_STATES as readonly string[]).includes(a.validity ?? '')
          ? (a.validity as Validity)
          : 'in-force'
        const ended = validity === 'repealed' || validity === 'expired'
        documents.push({
          id: name,
          kind: a.documentKind as 'rule' | 'normative',
          issuedOn,
          repealedOn: ended ? beijingDate(a.validityChangedOn) || null : null,
          validity,
        })
      }
    },
  )
  return { documents, problems }
}

const REQUEST_SELECT = [
  'trackingCode',
  'applicantKind',
  'receivedAt',
  'answeredAt',
  'outcome',
  'status',
] as const

/**
 * The requests table 三 of the year can touch: received by the year end and open at its start,
 * received in it, or answered in it (a request answered in the year but received later is
 * miscounted, and must be found to be named).
 */
async function loadRequests(
  payload: Payload,
  siteId: Id,
  year: number,
): Promise<{ rows: ReportRequest[]; problems: OffendingRequest[] }> {
  const from = instant(`${year}-01-01`, -1)
  const to = instant(`${year + 1}-01-01`, 1)
  const rows: ReportRequest[] = []
  const problems: OffendingRequest[] = []
  await eachPage(
    payload,
    {
      collection: DISCLOSURE_REQUESTS,
      site: siteId,
      where: [
        {
          or: [
            { and: [{ answeredAt: { exists: false } }, { receivedAt: { less_than: to } }] },
            { answeredAt: { greater_than_equal: from } },
            {
              and: [
                { receivedAt: { greater_than_equal: from } },
                { receivedAt: { less_than: to } },
              ],
            },
          ],
        },
      ],
      select: REQUEST_SELECT,
    },
    (docs) => {
      for (const r of docs) {
        const code = r.trackingCode || `#${r.id}`
        const closedAt = beijingDate(r.answeredAt) || null
        if (!closedAt && (r.status === 'answered' || r.status === 'closed')) {
          // Counted as still open (结转下年度), which it is not: staff must date the answer.
          problems.push({
            code,
            reason: `申请 ${code} 的状态为已办结，但没有答复日期，被计为结转下年度继续办理`,
          })
        }
        rows.push({
          id: code,
          applicantKind: (r.applicantKind ?? '') as ApplicantKind,
          receivedAt: beijingDate(r.receivedAt),
          closedAt,
          outcome: isOutcomeCode(r.outcome)
            ? r.outcome
            : ((r.outcome ?? null) as OutcomeCode | null),
        })
      }
    },
  )
  return { rows, problems }
}

/** Appeals filed in the year, whatever year their request was from. */
async function loadCases(payload: Payload, siteId: Id, year: number): Promise<ReportCase[]> {
  const cases: ReportCase[] = []
  const seen = new Set<string>()
  await eachPage(
    payload,
    {
      collection: DISCLOSURE_REQUESTS,
      site: siteId,
      where: [
        { 'appeals.filedAt': { greater_than_equal: instant(`${year}-01-01`, -1) } },
        { 'appeals.filedAt': { less_than: instant(`${year + 1}-01-01`, 1) } },
      ],
      select: ['appeals'],
    },
    (docs) => {
      for (const r of docs) {
        if (seen.has(String(r.id))) continue
        seen.add(String(r.id))
        for (const a of r.appeals ?? []) {
          if (!a.kind || !a.filedAt) continue
          cases.push({
            kind: a.kind,
            filedAt: beijingDate(a.filedAt),
            decidedAt: beijingDate(a.decidedAt) || null,
            result: a.result ?? null,
          })
        }
      }
    },
  )
  return cases
}

const REPORT_FIELDS = [
  'year',
  'section1',
  'section5',
  'section6',
  'licensing',
  'penalty',
  'coercion',
  'feesWanYuan',
  'published',
  'publishedAt',
] as const
type ReportDoc = Selected<typeof ANNUAL_REPORTS, (typeof REPORT_FIELDS)[number]>

/** The site's annual-reports document for the year; `publishedOnly` reads as the public does. */
export async function findReportDocument(
  payload: Payload,
  { siteId, year, publishedOnly }: { siteId: Id; year: number; publishedOnly: boolean },
): Promise<ReportDoc | null> {
  return findOneSelected(payload, {
    collection: ANNUAL_REPORTS,
    where: {
      and: [
        { site: { equals: siteId } },
        { year: { equals: year } },
        ...(publishedOnly ? [{ published: { equals: true } }] : []),
      ],
    },
    select: REPORT_FIELDS,
    pagination: false,
    asPublic: publishedOnly,
  })
}

/** The years of the site's published reports, newest first. */
export async function publishedReportYears(
  payload: Payload,
  siteId: Id,
): Promise<{ year: number; publishedAt: string }[]> {
  const out: { year: number; publishedAt: string }[] = []
  for (let page = 1; page < 100; page++) {
    const res = await findSelected(payload, {
      collection: ANNUAL_REPORTS,
      where: { and: [{ site: { equals: siteId } }, { published: { equals: true } }] },
      select: ['year', 'publishedAt'],
      sort: '-year',
      limit: 100,
      page,
      asPublic: true,
    })
    for (const d of res.docs) out.push({ year: d.year, publishedAt: beijingDate(d.publishedAt) })
    if (!res.hasNextPage) break
  }
  return out
}

const numberOrUndefined = (v: unknown) => (typeof v === 'number' ? v : undefined)

/**
 * The report with every figure computed from the data, and what staff need to fix it. Use
 * `publicReport` before showing it to anyone but staff.
 */
export async function buildAnnualReport(
  payload: Payload,
  { siteId, year, document }: { siteId: Id; year: number; document?: ReportDoc | null },
): Promise<StaffAnnualReport> {
  const site = await payload.findByID({ collection: SITES, id: siteId, depth: 0 })
  const doc =
    document !== undefined
      ? document
      : await findReportDocument(payload, { siteId, year, publishedOnly: false })
  const [docs, requests, cases] = await Promise.all([
    loadDocuments(payload, siteId),
    loadRequests(payload, siteId, year),
    loadCases(payload, siteId, year),
  ])
  const table2 = computeTable2({
    year,
    documents: docs.documents,
    decisions: {
      licensing: numberOrUndefined(doc?.licensing),
      penalty: numberOrUndefined(doc?.penalty),
      coercion: numberOrUndefined(doc?.coercion),
      feesWanYuan: numberOrUndefined(doc?.feesWanYuan),
    },
  })
  const table3 = computeTable3({ year, requests: requests.rows })
  const checked = checkTable3({ table: table3, requests: requests.rows })
  const offendingRequests: OffendingRequest[] = [
    ...checked.offendingRequests.map((o) => ({ code: String(o.id), reason: o.reason })),
    ...requests.problems,
  ]
  return {
    site: { id: site.id, name: site.name, orgName: site.orgName ?? site.name, kind: site.kind },
    year,
    document: doc
      ? { id: doc.id, published: Boolean(doc.published), publishedAt: beijingDate(doc.publishedAt) }
      : null,
    sections: {
      section1: doc?.section1 ?? '',
      section5: doc?.section5 ?? '',
      section6: doc?.section6 ?? '',
    },
    table2: { ...table2, problems: [] },
    table3,
    table4: computeTable4({ year, cases }),
    check: {
      ok: checked.ok && offendingRequests.length === 0,
      brokenColumns: checked.brokenColumns.map((b) => b.sentence),
      problems: checked.problems,
      offendingCount: new Set(offendingRequests.map((o) => o.code)).size,
    },
    generatedAt: new Date().toISOString(),
    offendingRequests,
    documentProblems: [...docs.problems, ...table2.problems],
  }
}

/** The report as the public may see it: counts and sentences of figures, no codes or names. */
export function publicReport(report: StaffAnnualReport): AnnualReport {
  const { offendingRequests: _codes, documentProblems: _names, ...rest } = report
  return rest
}

// ---------------------------------------------------------------- exports

const BOM = '\uFEFF'

/**
 * One CSV file with the three tables, each under its section heading, as tableToCsv lays them
 * out; UTF-8 with a BOM so spreadsheet programs read the Chinese; CRLF line ends.
 */
export function reportCsv(report: AnnualReport | StaffAnnualReport): string {
  const parts = [
    `${csvCell(reportTitle(report))}\r\n`,
    `\r\n${SECTION_TITLES.二}\r\n`,
    tableToCsv(report.table2),
    `\r\n${SECTION_TITLES.三}\r\n`,
    tableToCsv(report.table3),
    `\r\n${SECTION_TITLES.四}\r\n`,
    tableToCsv(report.table4),
    '\r\n',
    ...checkLines(report).map((l) => `${csvCell(l)}\r\n`),
  ]
  if ('documentProblems' in report)
    parts.push(...report.documentProblems.map((l) => `${csvCell(l)}\r\n`))
  return BOM + parts.join('')
}

/** `attachment; filename="…"; filename*=UTF-8''…` with the Chinese name (RFC 6266, RFC 5987). */
export function contentDisposition(asciiName: string, name: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`
}

export const CSV_TYPE = 'text/csv; charset=utf-8'
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

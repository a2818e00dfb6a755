// 政府信息公开工作年度报告 at /xxgk/nb/: the index of the site's published reports, each report
// (/xxgk/nb/<year>) computed from the data, and its CSV and XLSX (/xxgk/nb/<year>.csv|.xlsx).
// A year whose report the site has not published answers with the site's 404 page.
import type { Request, Response } from 'express'

import {
  type GridCell,
  SECTION_TITLES,
  type TableGrid,
  table2Grid,
  table3Grid,
  table4Grid,
} from '../../domain/annual-report'
import {
  type AnnualReport,
  buildAnnualReport,
  contentDisposition,
  CSV_TYPE,
  findReportDocument,
  publicReport,
  publishedReportYears,
  reportCsv,
  reportTitle,
  XLSX_TYPE,
} from '../../services/annual-report'
import { reportXlsx } from '../../services/xlsx'
import { render } from '../render/engine'
import type { Layout, Link } from '../render/view-models'
import { notFoundLayout } from './frame'
import type { PageContext } from './context'
import { type DynamicRoute, HTML, type Output } from './routes'

const BASE = '/xxgk/nb/'
const INDEX_TITLE = '政府信息公开工作年度报告'
const PATH = /^\/xxgk\/nb(?:\/(.*))?$/
const YEAR = /^(\d{4})(?:\.(csv|xlsx))?$/

export type CellView = {
  tag: 'th' | 'td'
  text: string
  colspan?: number
  rowspan?: number
  scope?: string
  id?: string
  headers?: string
}

export type TableView = {
  key: string
  title: string
  caption: string
  note: string
  head: CellView[][]
  body: CellView[][]
}

export type AnnualReportView = {
  layout: Layout
  title: string
  year: number
  publishedAt: string
  headings: typeof SECTION_TITLES
  sections: { one: string[]; five: string[]; six: string[] }
  tables: TableView[]
  check: { ok: boolean; sentences: string[] }
  downloads: { csv: string; xlsx: string }
  indexHref: string
}

export type AnnualReportIndexView = {
  layout: Layout
  title: string
  reports: { year: number; title: string; href: string; publishedAt: string }[]
}

const CAPTIONS: Record<TableGrid['table'], string> = {
  二: '主动公开政府信息情况统计表',
  三: '收到和处理政府信息公开申请情况统计表',
  四: '政府信息公开行政复议、行政诉讼情况统计表',
}
/** Rows of each table that are column headings (table 二 has its headings between blocks). */
const HEAD_ROWS: Record<TableGrid['table'], number> = { 二: 0, 三: 3, 四: 3 }

const cellView = (c: GridCell): CellView => ({
  tag: c.header ? 'th' : 'td',
  text: c.pageBlank || c.text == null ? '' : String(c.text),
  colspan: c.colspan,
  rowspan: c.rowspan,
  scope: c.header,
  id: c.id ? `nb-${c.id}` : undefined,
  headers: c.headers?.length ? c.headers.map((h) => `nb-${h}`).join(' ') : undefined,
})

export function tableView(grid: TableGrid): TableView {
  const rows = grid.rows.map((r) => r.map(cellView))
  const n = HEAD_ROWS[grid.table]
  return {
    key: grid.table,
    title: grid.title,
    caption: CAPTIONS[grid.table],
    note: grid.note ?? '',
    head: rows.slice(0, n),
    body: rows.slice(n),
  }
}

/** Paragraphs of a textarea: one per non-empty line. */
const paragraphs = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)

/** What the public is told about table 三's check: figures only, never which requests. */
function publicCheck(report: AnnualReport): AnnualReportView['check'] {
  if (report.check.ok) return { ok: true, sentences: [] }
  const n = report.check.offendingCount
  return {
    ok: false,
    sentences: [
      `经系统校验，表三数据未满足“第一项加第二项之和，等于第三项加第四项之和”的勾稽关系${
        n ? `，涉及 ${n} 件申请的数据` : ''
      }，本机关正在核实更正。`,
      ...report.check.brokenColumns,
      ...report.check.problems,
    ],
  }
}

async function pageLayout(ctx: PageContext, title: string, crumbs: Link[]): Promise<Layout> {
  const base = notFoundLayout(ctx, await ctx.registry.sites(), title)
  return {
    ...base,
    meta: { ...base.meta, columnName: INDEX_TITLE, description: title },
    breadcrumbs: [{ name: '首页', href: '/' }, { name: '政府信息公开', href: '/xxgk/' }, ...crumbs],
  }
}

async function notFound(ctx: PageContext): Promise<Output> {
  const body = await render(ctx.site.theme, 'not-found', {
    layout: notFoundLayout(ctx, await ctx.registry.sites()),
    path: ctx.path,
  })
  return { status: 404, body, contentType: HTML, tags: [] }
}

async function indexPage(ctx: PageContext): Promise<Output> {
  const years = await publishedReportYears(ctx.payload, ctx.site.id)
  const view: AnnualReportIndexView = {
    layout: await pageLayout(ctx, INDEX_TITLE, [{ name: INDEX_TITLE, href: BASE, current: true }]),
    title: INDEX_TITLE,
    reports: years.map((y) => ({
      year: y.year,
      title: reportTitle({ site: { orgName: ctx.site.orgName || ctx.site.name }, year: y.year }),
      href: `${BASE}${y.year}`,
      publishedAt: y.publishedAt,
    })),
  }
  return {
    status: 200,
    body: await render(ctx.site.theme, 'annual-report-index', view),
    contentType: HTML,
    tags: [],
  }
}

async function reportPage(ctx: PageContext, report: AnnualReport): Promise<Output> {
  const title = reportTitle(report)
  const view: AnnualReportView = {
    layout: await pageLayout(ctx, title, [
      { name: INDEX_TITLE, href: BASE },
      { name: `${report.year}年`, href: ctx.path, current: true },
    ]),
    title,
    year: report.year,
    publishedAt: report.document?.publishedAt ?? '',
    headings: SECTION_TITLES,
    sections: {
      one: paragraphs(report.sections.section1),
      five: paragraphs(report.sections.section5),
      six: paragraphs(report.sections.section6),
    },
    tables: [
      tableView(table2Grid(report.table2)),
      tableView(table3Grid(report.table3)),
      tableView(table4Grid(report.table4)),
    ],
    check: publicCheck(report),
    downloads: { csv: `${BASE}${report.year}.csv`, xlsx: `${BASE}${report.year}.xlsx` },
    indexHref: BASE,
  }
  return {
    status: 200,
    body: await render(ctx.site.theme, 'annual-report', view),
    contentType: HTML,
    tags: [],
  }
}

async function handle(ctx: PageContext, req: Request, res: Response): Promise<Output | 'done'> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD')
    return {
      status: 405,
      body: '不支持该请求方法',
      contentType: 'text/plain; charset=utf-8',
      tags: [],
    }
  }
  const rest = PATH.exec(ctx.path)?.[1]
  if (rest === undefined) {
    res.redirect(301, BASE + (ctx.care ? '?care=1' : ''))
    return 'done'
  }
  if (rest === '') return indexPage(ctx)
  const m = YEAR.exec(rest)
  if (!m) return notFound(ctx)
  const year = Number(m[1])
  // Read as the public reads: only a published report of this site.
  const document = await findReportDocument(ctx.payload, {
    siteId: ctx.site.id,
    year,
    publishedOnly: true,
  })
  if (!document) return notFound(ctx)
  const report = publicReport(
    await buildAnnualReport(ctx.payload, { siteId: ctx.site.id, year, document }),
  )
  const format = m[2]
  if (!format) return reportPage(ctx, report)
  const ascii = `annual-report-${ctx.site.slug}-${year}.${format}`
  const name = `${reportTitle(report)}.${format}`
  res.setHeader('Content-Disposition', contentDisposition(ascii, name))
  res.setHeader('Cache-Control', 'no-store')
  if (format === 'csv') res.type(CSV_TYPE).send(reportCsv(report))
  else res.type(XLSX_TYPE).send(await reportXlsx(report))
  return 'done'
}

export const annualReportRoutes: DynamicRoute[] = [{ matches: (path) => PATH.test(path), handle }]

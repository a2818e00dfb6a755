// The annual report as an Excel workbook: a sheet per table laid out as the official tables
// (merged header cells, the official row labels), and a sheet with the written parts.
import ExcelJS from 'exceljs'

import {
  type AnnualReport,
  type GridCell,
  SECTION_TITLES,
  type StaffAnnualReport,
  type TableGrid,
  checkLines,
  reportTitle,
  table2Grid,
  table3Grid,
  table4Grid,
} from '../domain/annual-report'

/** Where each table starts: row 1 is the report's title, row 2 the section heading. */
export const TABLE_FIRST_ROW = 3

/** Sheet names (Excel allows 31 characters and none of []:*?/\). */
export const SHEET_NAMES = {
  二: '二、主动公开政府信息情况',
  三: '三、收到和处理政府信息公开申请情况',
  四: '四、政府信息公开行政复议、行政诉讼情况',
  text: '一、五、六 文字部分',
} as const

const COLUMN_WIDTHS: Record<TableGrid['table'], number[]> = {
  二: [20, 18, 18, 18],
  三: [16, 24, 44, 10, 10, 10, 12, 12, 10, 10],
  四: Array.from({ length: 15 }, () => 10),
}

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } }
const border = { top: thin, left: thin, bottom: thin, right: thin }
const font = { name: '宋体', size: 11 }

function writeGrid(sheet: ExcelJS.Worksheet, grid: TableGrid, title: string): void {
  sheet.columns = COLUMN_WIDTHS[grid.table].map((width) => ({ width }))
  const last = grid.columns
  sheet.getCell(1, 1).value = title
  sheet.getCell(1, 1).font = { ...font, size: 14, bold: true }
  sheet.getCell(1, 1).alignment = { horizontal: 'center' }
  sheet.mergeCells(1, 1, 1, last)
  sheet.getCell(2, 1).value = grid.title
  sheet.getCell(2, 1).font = { ...font, size: 12, bold: true }
  sheet.mergeCells(2, 1, 2, last)
  const taken = new Set<string>()
  const key = (r: number, c: number) => `${r}:${c}`
  grid.rows.forEach((cells, i) => {
    const row = TABLE_FIRST_ROW + i
    let col = 1
    for (const cell of cells) {
      while (taken.has(key(row, col))) col++
      place(sheet, row, col, cell)
      const rs = cell.rowspan ?? 1
      const cs = cell.colspan ?? 1
      for (let r = row; r < row + rs; r++)
        for (let c = col; c < col + cs; c++) {
          taken.add(key(r, c))
          sheet.getCell(r, c).border = border
        }
      if (rs > 1 || cs > 1) sheet.mergeCells(row, col, row + rs - 1, col + cs - 1)
      col += cs
    }
  })
  sheet.views = [{ state: 'frozen', ySplit: TABLE_FIRST_ROW - 1 }]
}

function place(sheet: ExcelJS.Worksheet, row: number, col: number, cell: GridCell): void {
  const target = sheet.getCell(row, col)
  target.value = cell.text ?? null
  const isHeader = Boolean(cell.header)
  const rowLabel = cell.header === 'row' || cell.header === 'rowgroup'
  target.font = { ...font, bold: isHeader && !rowLabel }
  target.alignment = {
    vertical: 'middle',
    horizontal: typeof cell.text === 'number' ? 'right' : rowLabel ? 'left' : 'center',
    wrapText: true,
  }
  if (isHeader && !rowLabel)
    target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
}

function writeText(sheet: ExcelJS.Worksheet, report: AnnualReport | StaffAnnualReport): void {
  sheet.columns = [{ width: 30 }, { width: 100 }]
  sheet.getCell(1, 1).value = reportTitle(report)
  sheet.getCell(1, 1).font = { ...font, size: 14, bold: true }
  sheet.mergeCells(1, 1, 1, 2)
  const see = (name: string) => `见工作表“${name}”`
  const rows: [string, string][] = [
    [SECTION_TITLES.一, report.sections.section1],
    [SECTION_TITLES.二, see(SHEET_NAMES.二)],
    [SECTION_TITLES.三, see(SHEET_NAMES.三)],
    [SECTION_TITLES.四, see(SHEET_NAMES.四)],
    [SECTION_TITLES.五, report.sections.section5],
    [SECTION_TITLES.六, report.sections.section6],
    ['表三勾稽关系校验', checkLines(report).join('\n')],
  ]
  rows.forEach(([label, text], i) => {
    const r = sheet.getRow(2 + i)
    r.getCell(1).value = label
    r.getCell(1).font = { ...font, bold: true }
    r.getCell(2).value = text
    r.getCell(2).font = font
    for (const c of [1, 2]) {
      r.getCell(c).alignment = { vertical: 'top', wrapText: true }
      r.getCell(c).border = border
    }
  })
}

/** The workbook as bytes. Staff reports also carry the requests that break the check. */
export async function reportXlsx(report: AnnualReport | StaffAnnualReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = report.site.orgName
  wb.title = reportTitle(report)
  wb.created = new Date(report.generatedAt)
  const title = reportTitle(report)
  writeGrid(wb.addWorksheet(SHEET_NAMES.二), table2Grid(report.table2), title)
  writeGrid(wb.addWorksheet(SHEET_NAMES.三), table3Grid(report.table3), title)
  writeGrid(wb.addWorksheet(SHEET_NAMES.四), table4Grid(report.table4), title)
  writeText(wb.addWorksheet(SHEET_NAMES.text), report)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

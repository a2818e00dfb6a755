// Decides the shape of index numbers (索引号) and document numbers (发文字号), and which hand-entered
// document numbers fit a series.

/** GB/T 9704-2012: `<issuer code>〔<year>〕<n>号` — full year in 〔〕, no 第, no zero padding. */
export const DOC_NUMBER = /^(.+?)〔(\d{4})〕([1-9]\d*)号$/

export type ParsedDocNumber = { prefix: string; year: number; seq: number }

export function parseDocNumber(value: string): ParsedDocNumber | null {
  const m = DOC_NUMBER.exec(value.trim())
  return m ? { prefix: m[1], year: Number(m[2]), seq: Number(m[3]) } : null
}

export const formatDocNumber = ({ prefix, year, seq }: ParsedDocNumber): string =>
  `${prefix}〔${year}〕${seq}号`

/** `<organisation code>/<year>-<5-digit sequence>`, e.g. `000014349/2017-00110`. */
export const formatIndexNumber = ({
  orgCode,
  year,
  seq,
}: {
  orgCode: string
  year: number
  seq: number
}): string => `${orgCode}/${year}-${String(seq).padStart(5, '0')}`

export const INDEX_NUMBER = /^([0-9A-Z]{9}|[0-9A-Z]{18})\/(\d{4})-(\d{5,})$/

export function parseIndexNumber(value: string) {
  const m = INDEX_NUMBER.exec(value.trim())
  return m ? { orgCode: m[1], year: Number(m[2]), seq: Number(m[3]) } : null
}

/** Series prefixes are the issuer code: Chinese characters, no brackets, no year, no 号. */
export function seriesPrefixProblems(prefix: string): string[] {
  const p = prefix.trim()
  if (!p) return ['请填写发文字号的机关代字，如“青政发”']
  if (p.length > 20) return ['机关代字过长（不超过 20 个字）']
  if (/[〔〕[\]()（）{}]|\d|号$|第$/.test(p)) {
    return [`机关代字“${p}”只写代字本身，不含括号、年份、序号、“第”或“号”`]
  }
  return []
}

const HINTS: [RegExp, string][] = [
  [/\[|\]|【|】|\(|\)|（|）/, '年份须用六角括号〔〕，不能用方括号或圆括号'],
  [/第/, '发文字号中不加“第”字'],
  [/〔\d{2}〕/, '年份须写全四位，如〔2026〕'],
  [/〕0\d*号$/, '序号不编虚位（不以 0 开头）'],
  [/〕\d+$/, '发文字号以“号”字结尾'],
]

/**
 * Sentences refusing a hand-entered document number for a series (issued on paper), or none.
 * The caller checks collisions against numbers already recorded.
 */
export function docNumberProblems(
  value: string,
  series?: { prefix: string; name?: string } | null,
): string[] {
  const v = value.trim()
  if (!v) return ['请填写发文字号']
  const parsed = parseDocNumber(v)
  if (!parsed) {
    const hint = HINTS.find(([re]) => re.test(v))?.[1]
    return [
      `发文字号“${v}”格式不正确，应为“机关代字〔年份〕序号号”，如“青政发〔2026〕12号”${hint ? `：${hint}` : ''}`,
    ]
  }
  if (series && parsed.prefix !== series.prefix.trim()) {
    return [
      `发文字号“${v}”的机关代字“${parsed.prefix}”与所选文号序列“${series.name ?? series.prefix}”（${series.prefix}）不符`,
    ]
  }
  if (parsed.year < 1949 || parsed.year > 2100)
    return [`发文字号“${v}”中的年份 ${parsed.year} 不合理`]
  return []
}

/** Keys of the counters and of the recorded numbers: unique per organisation/series and year. */
export const counterKey = {
  index: (orgCode: string, year: number) => `index:${orgCode}:${year}`,
  doc: (series: string | number, year: number) => `doc:${series}:${year}`,
}

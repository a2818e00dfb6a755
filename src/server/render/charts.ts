// Charts drawn on the server as SVG with Apache ECharts' server-side renderer: no script in the
// reader's browser, readable without colour (values written on the bars), larger type in care
// mode. Each chart is an image with a text description; the page puts the data table beside it.
import * as echarts from 'echarts'

// Without a canvas, ECharts guesses text widths. Browsers draw these labels with the reader's
// fallback CJK font, measured in Chromium at about 1.25 em for a Chinese character and 0.7 em
// for a digit: measured generously, labels and legends never overlap.
echarts.setPlatformAPI({
  measureText(text: string, font?: string) {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12)
    let width = 0
    for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? size * 1.25 : size * 0.7
    return { width }
  },
})

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

// Dark enough on white for WCAG AA (≥ 4.5:1) in text; bars told apart by their labels too.
const TEXT = '#1f2933'
const PALETTE = ['#1d5fa8', '#b3541e', '#2f7d32', '#8a5a00', '#6b3fa0']

export type BarSeries = { name: string; data: number[] }

/** An SVG string with role="img" and the description as its accessible name. */
function draw(
  option: echarts.EChartsOption,
  size: { width: number; height: number },
  label: string,
) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size })
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { color: TEXT }, ...option })
    return chart
      .renderToSVGString()
      .replace(/^<svg /, `<svg role="img" aria-label="${escapeAttr(label)}" focusable="false" `)
  } finally {
    chart.dispose()
  }
}

/** Grouped bars by category (months, departments), the value written on each bar. */
export function barChart({
  categories,
  series,
  label,
  care = false,
  horizontal = false,
  stacked = false,
}: {
  categories: string[]
  series: BarSeries[]
  label: string
  care?: boolean
  horizontal?: boolean
  /** One bar per category made of the series (a distribution). */
  stacked?: boolean
}): string {
  const font = care ? 16 : 12
  const perRow = (stacked ? 1 : series.length) * (care ? 30 : 22)
  const rowsHeight = horizontal ? Math.max(1, categories.length) * perRow + 16 : 0
  const width = horizontal ? 720 : Math.max(480, Math.min(960, 80 + categories.length * 60))
  const height = horizontal ? 90 + rowsHeight : care ? 360 : 300
  const category = {
    type: 'category' as const,
    data: categories,
    axisLabel: { color: TEXT, fontSize: font, interval: 0 },
    axisLine: { lineStyle: { color: '#52606d' } },
  }
  const value = {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: { color: TEXT, fontSize: font },
    splitLine: { lineStyle: { color: '#d9e2ec' } },
  }
  return draw(
    {
      legend: { top: 0, textStyle: { color: TEXT, fontSize: font } },
      grid: { left: horizontal ? 16 : 40, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? { ...category, inverse: true } : value,
      series: series.map((s) => ({
        name: s.name,
        type: 'bar',
        data: s.data,
        barMaxWidth: care ? 28 : 22,
        ...(stacked ? { stack: 'all' } : {}),
        label: {
          show: true,
          position: stacked ? 'inside' : horizontal ? 'right' : 'top',
          formatter: (p: { value: unknown }) => (Number(p.value) ? String(p.value) : ''),
          color: stacked ? '#ffffff' : TEXT,
          fontSize: font,
        },
      })),
    },
    { width, height },
    label,
  )
}

// Admin view /admin/first-hour: the first-hour report per site and for the platform, with CSV.
import type { AdminViewServerProps } from 'payload'

import { Banner, Button, Pill } from '@payloadcms/ui'

import { AdminPage } from './AdminPage'
import { DataTable, Figures, LinkButton, ReportHeader, Section } from './report-ui'

import { formatDelay } from '../domain/first-hour'
import { beijingDateTime } from '../domain/dates'
import { loadFirstHourReport, periodOf } from '../services/first-hour-report'

const pct = (x: number | null) => (x == null ? '—' : `${(x * 100).toFixed(1)}%`)
const mins = (x: number | null) => (x == null ? '—' : formatDelay(x))

export async function FirstHourView(view: AdminViewServerProps) {
  const { initPageResult, searchParams } = view
  const { req } = initPageResult
  const q = (searchParams ?? {}) as Record<string, string>
  const period = periodOf(q)
  const report = await loadFirstHourReport(req.payload, {
    actor: req.user as never,
    from: period.from,
    to: period.to,
    site: q.site,
  })
  const csv = `/api/reports/first-hour.csv?from=${period.fromDay}&to=${period.toDay}${q.site ? `&site=${encodeURIComponent(q.site)}` : ''}`
  return (
    <AdminPage view={view}>
      <div className="report-view">
        <ReportHeader
          title="第一时间发布统计"
          actions={<LinkButton href={csv}>导出 CSV</LinkButton>}
        >
          签发后 60 分钟内上线的比例、延迟中位数与最长延迟；超时项目逐条列出。
        </ReportHeader>
        <form method="get" className="report-view__filter" aria-label="统计期间">
          <label>
            起始日期
            <input type="date" name="from" defaultValue={period.fromDay} />
          </label>
          <label>
            截止日期
            <input type="date" name="to" defaultValue={period.toDay} />
          </label>
          {q.site && <input type="hidden" name="site" value={q.site} />}
          <Button type="submit" size="small" margin={false}>
            查询
          </Button>
        </form>
        {!report ? (
          <Banner type="info">您没有可查看的站点。</Banner>
        ) : (
          <>
            <Section title="全平台">
              <Figures
                items={[
                  { label: '签发数', value: report.signed },
                  { label: '60 分钟内发布', value: `${report.within}（${pct(report.share)}）` },
                  { label: '延迟中位数', value: mins(report.medianMinutes) },
                  { label: '最长延迟', value: mins(report.worstMinutes) },
                ]}
              />
            </Section>
            <Section title="各站点">
              <DataTable
                label="各站点第一时间发布情况"
                head={['站点', '签发数', '60 分钟内发布', '比例', '延迟中位数']}
                empty="期间内没有签发的信息。"
                rows={report.bySite.map((s) => ({
                  key: String(s.site),
                  cells: [
                    <a
                      key="site"
                      href={`?from=${period.fromDay}&to=${period.toDay}&site=${s.site}`}
                    >
                      {s.siteName ?? s.site}
                    </a>,
                    s.signed,
                    s.within,
                    <Pill
                      key="share"
                      size="small"
                      pillStyle={
                        s.share == null ? 'light-gray' : s.share < 1 ? 'warning' : 'success'
                      }
                    >
                      {pct(s.share)}
                    </Pill>,
                    mins(s.medianMinutes),
                  ],
                }))}
              />
            </Section>
            <Section title={`超时项目（${report.late.length}）`}>
              <DataTable
                label="超时项目"
                head={['站点', '标题', '签发时间', '发布时间', '延迟']}
                empty="没有超过 60 分钟才上线的信息。"
                rows={report.late.map((i) => ({
                  key: String(i.id),
                  cells: [
                    i.siteName,
                    <a key="title" href={`/admin/collections/articles/${i.id}`}>
                      {i.title}
                    </a>,
                    beijingDateTime(i.signedAt),
                    i.stillUnpublished ? (
                      <Pill key="pub" size="small" pillStyle="error">
                        尚未发布
                      </Pill>
                    ) : (
                      beijingDateTime(i.publishedAt)
                    ),
                    mins(i.delayMinutes),
                  ],
                }))}
              />
            </Section>
          </>
        )}
      </div>
    </AdminPage>
  )
}

// Admin view /admin/first-hour: the first-hour report per site and for the platform, with CSV.
import type { AdminViewServerProps } from 'payload'

import { AdminPage } from './AdminPage'

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
      <div style={{ paddingBlock: '2rem' }}>
        <h1>第一时间发布统计</h1>
        <p>签发后 60 分钟内上线的比例、延迟中位数与最长延迟；超时项目逐条列出。</p>
        <form
          method="get"
          style={{ display: 'flex', gap: '1rem', alignItems: 'end', flexWrap: 'wrap' }}
        >
          <label>
            起始日期
            <br />
            <input type="date" name="from" defaultValue={period.fromDay} />
          </label>
          <label>
            截止日期
            <br />
            <input type="date" name="to" defaultValue={period.toDay} />
          </label>
          <button type="submit" className="btn btn--style-primary btn--size-small">
            查询
          </button>
          <a href={csv}>导出 CSV</a>
        </form>
        {!report ? (
          <p>您没有可查看的站点。</p>
        ) : (
          <>
            <h2>全平台</h2>
            <table className="table">
              <tbody>
                <tr>
                  <th scope="row">签发数</th>
                  <td>{report.signed}</td>
                </tr>
                <tr>
                  <th scope="row">60 分钟内发布</th>
                  <td>
                    {report.within}（{pct(report.share)}）
                  </td>
                </tr>
                <tr>
                  <th scope="row">延迟中位数</th>
                  <td>{mins(report.medianMinutes)}</td>
                </tr>
                <tr>
                  <th scope="row">最长延迟</th>
                  <td>{mins(report.worstMinutes)}</td>
                </tr>
              </tbody>
            </table>
            <h2>各站点</h2>
            <table className="table">
              <thead>
                <tr>
                  <th>站点</th>
                  <th>签发数</th>
                  <th>60 分钟内发布</th>
                  <th>比例</th>
                  <th>延迟中位数</th>
                </tr>
              </thead>
              <tbody>
                {report.bySite.map((s) => (
                  <tr key={String(s.site)}>
                    <td>
                      <a href={`?from=${period.fromDay}&to=${period.toDay}&site=${s.site}`}>
                        {s.siteName ?? s.site}
                      </a>
                    </td>
                    <td>{s.signed}</td>
                    <td>{s.within}</td>
                    <td>{pct(s.share)}</td>
                    <td>{mins(s.medianMinutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h2>超时项目（{report.late.length}）</h2>
            <table className="table">
              <thead>
                <tr>
                  <th>站点</th>
                  <th>标题</th>
                  <th>签发时间</th>
                  <th>发布时间</th>
                  <th>延迟</th>
                </tr>
              </thead>
              <tbody>
                {report.late.map((i) => (
                  <tr key={String(i.id)}>
                    <td>{i.siteName}</td>
                    <td>
                      <a href={`/admin/collections/articles/${i.id}`}>{i.title}</a>
                    </td>
                    <td>{beijingDateTime(i.signedAt)}</td>
                    <td>{i.stillUnpublished ? '尚未发布' : beijingDateTime(i.publishedAt)}</td>
                    <td>{mins(i.delayMinutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </AdminPage>
  )
}

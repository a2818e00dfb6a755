// The dashboard's "待我处理" list and the link to the first-hour report.
import type { Payload } from 'payload'

import { beijingDateTime } from '../domain/dates'
import { type Actor, isPlatformAdmin } from '../domain/permissions'
import { STATE_LABELS, type State } from '../domain/workflow'
import { myQueue } from '../services/my-queue'
import { oldestUnansweredBySite } from '../services/letter-supervision'
import { settings } from '../settings'

/** Years from this one to next with no day in the work calendar (their deadlines are rough). */
async function calendarGaps(payload: Payload): Promise<number[]> {
  const year = Number(beijingDateTime(new Date()).slice(0, 4))
  const gaps: number[] = []
  for (const y of [year, year + 1]) {
    const n = await payload.count({
      collection: 'work-calendar',
      where: { date: { like: `${y}-` } },
      overrideAccess: true,
    })
    if (n.totalDocs === 0) gaps.push(y)
  }
  return gaps
}

export async function MyQueue({ payload, user }: { payload: Payload; user?: unknown }) {
  if (!user) return null
  const items = await myQueue(payload, user as Actor)
  const platform = isPlatformAdmin(user as Actor)
  const gaps = platform ? await calendarGaps(payload) : []
  // The veto before it bites: each site's oldest unanswered valid letter, alarmed from 60 days.
  const oldest = platform ? await oldestUnansweredBySite(payload, { sites: true }) : []
  const alarms = oldest.filter((o) => o.state)
  return (
    <section className="my-queue" aria-labelledby="my-queue-title" style={{ marginBottom: '2rem' }}>
      {gaps.length ? (
        <p role="status">
          工作日历缺少 {gaps.join('、')} 年的节假日安排：这些年份的答复期限暂按周一至周五计算。请在
          <a href="/admin/collections/work-calendar">工作日历</a>
          中按国务院办公厅通知录入，录入后未办结申请的期限自动重新计算。
        </p>
      ) : null}
      {platform && alarms.length ? (
        <div role="alert" style={{ border: '2px solid #b42318', padding: '0.75rem 1rem' }}>
          <h2>来信超期预警（{alarms.length} 个网站）</h2>
          <p>
            有效来信超过三个月未答复属于政府网站考核的单项否决情形；未答复满{' '}
            {settings.letterAlarmDays} 天即预警。
          </p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">网站</th>
                <th scope="col">最久未答复来信</th>
                <th scope="col">收信日期</th>
                <th scope="col">已等待</th>
              </tr>
            </thead>
            <tbody>
              {alarms.map((a) => (
                <tr key={String(a.site)}>
                  <td>{a.siteName}</td>
                  <td>
                    <a href={`/admin/collections/letters/${a.id}`}>
                      {a.number} {a.subject}
                    </a>
                  </td>
                  <td>{a.receivedAt}</td>
                  <td>
                    {a.days} 天{a.state === 'vetoed' ? '（已超过三个月）' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2 id="my-queue-title">待我处理（{items.length}）</h2>
      {items.length === 0 ? (
        <p>暂无待办事项。</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>事项</th>
              <th>标题</th>
              <th>状态</th>
              <th>时间</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={`${i.why}-${i.id}`}>
                <td>{i.why}</td>
                <td>
                  <a href={i.href ?? `/admin/collections/articles/${i.id}`}>{i.title}</a>
                </td>
                <td>{i.stateLabel ?? STATE_LABELS[i.state as State] ?? i.state}</td>
                <td>{beijingDateTime(i.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href="/admin/first-hour">第一时间发布统计</a> ·{' '}
        <a href="/admin/supervision">依申请公开督办</a>
      </p>
    </section>
  )
}

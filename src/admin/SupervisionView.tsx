// Admin view /admin/supervision (督办): open disclosure requests overdue, due soon or paused, on
// the sites where the person handles requests; platform staff see every site.
import type { AdminViewServerProps } from 'payload'

import { AdminPage } from './AdminPage'

import { type Actor, canReadAllSites, sitesWithRole } from '../domain/permissions'
import {
  type ReportSupervisionRow,
  reportSupervisionList,
} from '../services/error-report-supervision'
import {
  type LetterSupervisionRow,
  letterSupervisionList,
  oldestUnansweredBySite,
} from '../services/letter-supervision'
import { type SupervisionRow, supervisionList } from '../services/supervision'

/** Working days left, or how late. */
const daysLeftText = (days: number | null) =>
  days == null ? '—' : days < 0 ? `逾期 ${-days} 个工作日` : `${days} 个工作日`

function Rows({ rows, empty }: { rows: SupervisionRow[]; empty: string }) {
  if (!rows.length) return <p>{empty}</p>
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">查询码</th>
          <th scope="col">网站</th>
          <th scope="col">状态</th>
          <th scope="col">收到日期</th>
          <th scope="col">答复截止日</th>
          <th scope="col">剩余工作日</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={String(r.id)}>
            <td>
              <a href={`/admin/collections/disclosure-requests/${r.id}`}>{r.trackingCode}</a>
            </td>
            <td>{r.siteName}</td>
            <td>{r.statusLabel}</td>
            <td>{r.receivedAt}</td>
            <td>{r.dueDate ?? '暂停计时'}</td>
            <td>{daysLeftText(r.daysLeft)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function LetterRows({ rows, empty }: { rows: LetterSupervisionRow[]; empty: string }) {
  if (!rows.length) return <p>{empty}</p>
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">信件编号</th>
          <th scope="col">标题</th>
          <th scope="col">网站</th>
          <th scope="col">状态</th>
          <th scope="col">收信日期</th>
          <th scope="col">期限</th>
          <th scope="col">剩余工作日</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={String(r.id)}>
            <td>
              <a href={`/admin/collections/letters/${r.id}`}>{r.number}</a>
            </td>
            <td>{r.subject}</td>
            <td>{r.siteName}</td>
            <td>{r.statusLabel}</td>
            <td>{r.receivedAt}</td>
            <td>
              {r.stageLabel} {r.due}
            </td>
            <td>
              {daysLeftText(r.daysLeft)}
              {r.veto === 'vetoed'
                ? '（已超过三个月）'
                : r.veto === 'approaching'
                  ? '（接近三个月）'
                  : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function ReportRows({ rows }: { rows: ReportSupervisionRow[] }) {
  if (!rows.length) return <p>没有待处理的纠错。</p>
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">出错页面</th>
          <th scope="col">错误类型</th>
          <th scope="col">网站</th>
          <th scope="col">收到日期</th>
          <th scope="col">答复期限</th>
          <th scope="col">剩余工作日</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={String(r.id)}>
            <td>
              <a href={`/admin/collections/error-reports/${r.id}`}>{r.url}</a>
            </td>
            <td>{r.typeLabel}</td>
            <td>{r.siteName}</td>
            <td>{r.receivedAt}</td>
            <td>{r.dueDate}</td>
            <td>{r.overdue ? `逾期 ${-r.daysLeft} 个工作日` : `${r.daysLeft} 个工作日`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export async function SupervisionView(view: AdminViewServerProps) {
  const { initPageResult } = view
  const { req } = initPageResult
  const actor = req.user as unknown as Actor | null
  const sites = canReadAllSites(actor) ? true : sitesWithRole(actor, 'site-admin', 'handler')
  const list = sites === true || sites.length ? await supervisionList(req.payload, { sites }) : null
  const letters =
    sites === true || sites.length ? await letterSupervisionList(req.payload, { sites }) : null
  const reports =
    sites === true || sites.length ? await reportSupervisionList(req.payload, { sites }) : null
  const oldest =
    sites === true || sites.length ? await oldestUnansweredBySite(req.payload, { sites }) : []
  return (
    <AdminPage view={view}>
      <div style={{ paddingBlock: '2rem' }}>
        <h1>依申请公开督办</h1>
        <p>
          答复期限按工作日计算（收到申请次日起 20 个工作日，经批准可延长不超过 20
          个工作日；补正、征求第三方意见期间暂停）。剩余 3 个工作日以内列为“即将到期”。
          <a href="/api/reports/supervision?format=csv">导出 CSV</a>
        </p>
        {!list ? (
          <p>您不是任何站点的申请办理人或站点管理员。</p>
        ) : (
          <>
            <h2>已逾期（{list.overdue.length}）</h2>
            <Rows rows={list.overdue} empty="没有逾期的申请。" />
            <h2>即将到期（{list.dueSoon.length}）</h2>
            <Rows rows={list.dueSoon} empty="没有即将到期的申请。" />
            <h2>暂停计时：待补正或征求意见中（{list.paused.length}）</h2>
            <Rows rows={list.paused} empty="没有暂停计时的申请。" />
          </>
        )}
        {letters && (
          <>
            <h1>领导信箱督办</h1>
            <p>
              <a href="/api/reports/letters?format=csv">来信统计导出 CSV</a>
              （按月：收信、受理、转办、答复、按期答复、用时、满意度）。 来信自收信次日起 3
              个工作日内受理、15
              个工作日内答复（以信箱设置为准），差评须在跟进期限内重新办理或说明；有效来信超过三个月未答复属于单项否决情形。
            </p>
            <h2>逾期的来信（{letters.overdue.length}）</h2>
            <LetterRows rows={letters.overdue} empty="没有逾期的来信。" />
            <h2>即将到期的来信（{letters.dueSoon.length}）</h2>
            <LetterRows rows={letters.dueSoon} empty="没有即将到期的来信。" />
            <h2>接近或超过三个月未答复（{letters.veto.length}）</h2>
            <LetterRows rows={letters.veto} empty="没有接近三个月未答复的来信。" />
            <h2>各网站最久未答复的有效来信</h2>
            {oldest.length ? (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">网站</th>
                    <th scope="col">来信</th>
                    <th scope="col">收信日期</th>
                    <th scope="col">已等待</th>
                  </tr>
                </thead>
                <tbody>
                  {oldest.map((o) => (
                    <tr key={String(o.site)}>
                      <td>{o.siteName}</td>
                      <td>
                        <a href={`/admin/collections/letters/${o.id}`}>{o.number}</a> {o.subject}
                      </td>
                      <td>{o.receivedAt}</td>
                      <td>
                        {o.days} 天
                        {o.state === 'vetoed'
                          ? '（已超过三个月，单项否决）'
                          : o.state === 'approaching'
                            ? '（预警）'
                            : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>没有未答复的来信。</p>
            )}
          </>
        )}
        {reports && (
          <>
            <h1>我要纠错督办</h1>
            <p>读者纠错须在收到后 3 个工作日内（以网站设置为准）核实处理并答复。</p>
            <ReportRows rows={reports} />
          </>
        )}
      </div>
    </AdminPage>
  )
}

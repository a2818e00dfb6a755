// Admin view /admin/supervision (督办): open disclosure requests overdue, due soon or paused, on
// the sites where the person handles requests; platform staff see every site.
import type { AdminViewServerProps } from 'payload'

import { Banner, Pill } from '@payloadcms/ui'

import { AdminPage } from './AdminPage'
import { DataTable, DaysLeft, LinkButton, ReportHeader, Section } from './report-ui'

import { canReadAllSites, sitesWithRole, toActor } from '../domain/permissions'
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

const REQUEST_HEAD = ['查询码', '网站', '状态', '收到日期', '答复截止日', '剩余工作日']

function Rows({ label, rows, empty }: { label: string; rows: SupervisionRow[]; empty: string }) {
  return (
    <DataTable
      label={label}
      head={REQUEST_HEAD}
      empty={empty}
      rows={rows.map((r) => ({
        key: String(r.id),
        cells: [
          <a key="code" href={`/admin/collections/disclosure-requests/${r.id}`}>
            {r.trackingCode}
          </a>,
          r.siteName,
          r.statusLabel,
          r.receivedAt,
          r.dueDate ?? '暂停计时',
          <DaysLeft key="days" days={r.daysLeft} />,
        ],
      }))}
    />
  )
}

const LETTER_HEAD = ['信件编号', '标题', '网站', '状态', '收信日期', '期限', '剩余工作日']
const VETO_NOTE = { vetoed: '（已超过三个月）', approaching: '（接近三个月）' } as const

function LetterRows({
  label,
  rows,
  empty,
}: {
  label: string
  rows: LetterSupervisionRow[]
  empty: string
}) {
  return (
    <DataTable
      label={label}
      head={LETTER_HEAD}
      empty={empty}
      rows={rows.map((r) => ({
        key: String(r.id),
        cells: [
          <a key="number" href={`/admin/collections/letters/${r.id}`}>
            {r.number}
          </a>,
          r.subject,
          r.siteName,
          r.statusLabel,
          r.receivedAt,
          `${r.stageLabel} ${r.due}`,
          <DaysLeft
            key="days"
            days={r.daysLeft}
            note={r.veto === 'vetoed' || r.veto === 'approaching' ? VETO_NOTE[r.veto] : ''}
          />,
        ],
      }))}
    />
  )
}

function ReportRows({ rows }: { rows: ReportSupervisionRow[] }) {
  return (
    <DataTable
      label="待处理的纠错"
      head={['出错页面', '错误类型', '网站', '收到日期', '答复期限', '剩余工作日']}
      empty="没有待处理的纠错。"
      rows={rows.map((r) => ({
        key: String(r.id),
        cells: [
          <a key="url" href={`/admin/collections/error-reports/${r.id}`}>
            {r.url}
          </a>,
          r.typeLabel,
          r.siteName,
          r.receivedAt,
          r.dueDate,
          <DaysLeft key="days" days={r.daysLeft} />,
        ],
      }))}
    />
  )
}

export async function SupervisionView(view: AdminViewServerProps) {
  const { initPageResult } = view
  const { req } = initPageResult
  const actor = toActor(req.user)
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
      <div className="report-view">
        <ReportHeader
          title="依申请公开督办"
          actions={<LinkButton href="/api/reports/supervision?format=csv">导出 CSV</LinkButton>}
        >
          答复期限按工作日计算（收到申请次日起 20 个工作日，经批准可延长不超过 20
          个工作日；补正、征求第三方意见期间暂停）。剩余 3 个工作日以内列为“即将到期”。
        </ReportHeader>
        {!list ? (
          <Banner type="info">您不是任何站点的申请办理人或站点管理员。</Banner>
        ) : (
          <>
            <Section title={`已逾期（${list.overdue.length}）`}>
              <Rows label="已逾期的申请" rows={list.overdue} empty="没有逾期的申请。" />
            </Section>
            <Section title={`即将到期（${list.dueSoon.length}）`}>
              <Rows label="即将到期的申请" rows={list.dueSoon} empty="没有即将到期的申请。" />
            </Section>
            <Section title={`暂停计时：待补正或征求意见中（${list.paused.length}）`}>
              <Rows label="暂停计时的申请" rows={list.paused} empty="没有暂停计时的申请。" />
            </Section>
          </>
        )}
        {letters && (
          <div className="report-view__part">
            <ReportHeader
              title="领导信箱督办"
              actions={
                <LinkButton href="/api/reports/letters?format=csv">来信统计导出 CSV</LinkButton>
              }
            >
              来信统计按月列出收信、受理、转办、答复、按期答复、用时和满意度。来信自收信次日起 3
              个工作日内受理、15
              个工作日内答复（以信箱设置为准），差评须在跟进期限内重新办理或说明；有效来信超过三个月未答复属于单项否决情形。
            </ReportHeader>
            <Section title={`逾期的来信（${letters.overdue.length}）`}>
              <LetterRows label="逾期的来信" rows={letters.overdue} empty="没有逾期的来信。" />
            </Section>
            <Section title={`即将到期的来信（${letters.dueSoon.length}）`}>
              <LetterRows
                label="即将到期的来信"
                rows={letters.dueSoon}
                empty="没有即将到期的来信。"
              />
            </Section>
            <Section title={`接近或超过三个月未答复（${letters.veto.length}）`}>
              <LetterRows
                label="接近或超过三个月未答复的来信"
                rows={letters.veto}
                empty="没有接近三个月未答复的来信。"
              />
            </Section>
            <Section title="各网站最久未答复的有效来信">
              <DataTable
                label="各网站最久未答复的有效来信"
                head={['网站', '来信', '收信日期', '已等待']}
                empty="没有未答复的来信。"
                rows={oldest.map((o) => ({
                  key: String(o.site),
                  cells: [
                    o.siteName,
                    <span key="letter">
                      <a href={`/admin/collections/letters/${o.id}`}>{o.number}</a> {o.subject}
                    </span>,
                    o.receivedAt,
                    <Pill
                      key="days"
                      size="small"
                      pillStyle={
                        o.state === 'vetoed'
                          ? 'error'
                          : o.state === 'approaching'
                            ? 'warning'
                            : 'light-gray'
                      }
                    >
                      {o.days} 天
                      {o.state === 'vetoed'
                        ? '（已超过三个月，单项否决）'
                        : o.state === 'approaching'
                          ? '（预警）'
                          : ''}
                    </Pill>,
                  ],
                }))}
              />
            </Section>
          </div>
        )}
        {reports && (
          <div className="report-view__part">
            <ReportHeader title="我要纠错督办">
              读者纠错须在收到后 3 个工作日内（以网站设置为准）核实处理并答复。
            </ReportHeader>
            <ReportRows rows={reports} />
          </div>
        )}
      </div>
    </AdminPage>
  )
}

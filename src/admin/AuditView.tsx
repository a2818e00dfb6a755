// Admin view /admin/audit (网站体检): every site the person may see with its last audit — outcome,
// worst item, the day it will fail, the trend of the last runs — sortable and filterable; with
// `?site=<id>` one site's items with their evidence and its history. Printable as it is.
import type { AdminViewServerProps } from 'payload'

import { AdminPage, SitePage } from './AdminPage'

import { beijingDateTime } from '../domain/dates'
import { canReadAllSites, isPlatformAdmin, sitesWithRole, toActor } from '../domain/permissions'
import { AUDIT_STATUS_LABELS, ITEM_STATUS_LABELS, type ItemStatus } from '../domain/site-audit'
import { SITE_STATUS_LABELS, type SiteStatus } from '../domain/sites'
import { auditOverview, siteAuditHistory } from '../services/site-audit-overview'

/** Red, amber, green, grey: each with at least 4.5:1 contrast on white (WCAG AA). */
const COLOURS: Record<ItemStatus, string> = {
  fail: '#b71c1c',
  warning: '#8a5300',
  pass: '#1b5e20',
  unknown: '#5f6368',
}

function Status({ status }: { status: ItemStatus }) {
  return (
    <span style={{ color: COLOURS[status], fontWeight: 600, whiteSpace: 'nowrap' }}>
      ● {ITEM_STATUS_LABELS[status]}
    </span>
  )
}

const RANK = { fail: 0, warning: 1, pass: 2 } as const

/** A site's report prints without the admin's frame, with every piece of evidence open. */
const PRINT_CSS = `@media print {
  .nav, .app-header, .site-audit__actions, .site-audit form { display: none !important; }
  .site-audit table { font-size: 10pt; }
}`

function RunButton({ site, label }: { site: string; label: string }) {
  return (
    <form method="post" action="/api/site-audits/run" style={{ display: 'inline' }}>
      <input type="hidden" name="site" value={site} />
      <button type="submit" className="btn btn--style-primary btn--size-small">
        {label}
      </button>
    </form>
  )
}

export async function AuditView(view: AdminViewServerProps) {
  const { initPageResult, searchParams } = view
  const { req } = initPageResult
  const q = (searchParams ?? {}) as Record<string, string>
  const actor = toActor(req.user)
  const sites = canReadAllSites(actor) ? true : sitesWithRole(actor, 'site-admin')
  if (sites !== true && sites.length === 0)
    return (
      <AdminPage view={view}>
        <h1>网站体检</h1>
        <p>网站体检只对站点管理员、监管员和平台管理员开放。</p>
      </AdminPage>
    )
  const rows = await auditOverview(req.payload, sites)

  if (q.site) {
    const row = rows.find((r) => String(r.site.id) === q.site)
    if (!row)
      return (
        <AdminPage view={view}>
          <h1>网站体检</h1>
          <p>该站点不存在或您无权查看。</p>
        </AdminPage>
      )
    const runs = await siteAuditHistory(req.payload, row.site.id)
    const latest = runs[0]
    // Platform admins and the site's own admins; auditors read and change nothing.
    const mayRun =
      isPlatformAdmin(actor) || sitesWithRole(actor, 'site-admin').some((s) => String(s) === q.site)
    return (
      <SitePage
        view={view}
        back="/admin/audit"
        className="site-audit"
        title={`${row.site.name} 网站体检`}
      >
        {latest ? (
          <p>
            最近一次：{beijingDateTime(latest.ranAt)}，结论 <Status status={latest.status} />
            {latest.failsOnText ? `；${latest.failsOnText}` : ''}
          </p>
        ) : (
          <p>尚未体检。</p>
        )}
        <style>{PRINT_CSS}</style>
        <p className="site-audit__actions">
          {mayRun && <RunButton site={String(row.site.id)} label="立即体检" />}{' '}
          {latest && (
            <>
              导出本次体检：<a href={`/api/site-audits/${latest.id}/export?format=xlsx`}>Excel</a> ·{' '}
              <a href={`/api/site-audits/${latest.id}/export?format=csv`}>CSV</a> ·
              打印：使用浏览器的打印功能（Ctrl+P），导航和按钮不会打印（先展开要打印的证据）
            </>
          )}
        </p>
        {latest && (
          <table className="table" style={{ marginTop: '1.5rem' }}>
            <caption style={{ textAlign: 'left' }}>检查项（单项否决项在前）</caption>
            <thead>
              <tr>
                <th scope="col">检查项</th>
                <th scope="col">结论</th>
                <th scope="col">情况与证据</th>
              </tr>
            </thead>
            <tbody>
              {[...latest.items]
                .sort((a, b) => Number(b.veto) - Number(a.veto))
                .map((item) => (
                  <tr key={item.key}>
                    <th scope="row" style={{ whiteSpace: 'nowrap' }}>
                      {item.label}
                      {item.veto ? '（单项否决）' : ''}
                    </th>
                    <td>
                      <Status status={item.status} />
                    </td>
                    <td>
                      <p style={{ margin: 0 }}>{item.summary}</p>
                      {item.failsOn && item.status !== 'fail' && (
                        <p style={{ margin: '0.25rem 0 0', color: COLOURS.warning }}>
                          倒计时：{item.failsOn.text}
                        </p>
                      )}
                      {item.evidence.length > 0 && (
                        <details open={item.evidence.length <= 10 || item.status === 'fail'}>
                          <summary>证据（{item.evidence.length} 条）</summary>
                          <ul>
                            {item.evidence.map((e, i) => (
                              <li key={i}>{e}</li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
        {runs.length > 1 && (
          <>
            <h2>体检历史</h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">时间</th>
                  <th scope="col">结论</th>
                  <th scope="col">最严重的问题</th>
                  <th scope="col">导出</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={String(r.id)}>
                    <td>{beijingDateTime(r.ranAt)}</td>
                    <td>
                      <Status status={r.status} />
                    </td>
                    <td>{r.worst ?? '—'}</td>
                    <td style={{ whiteSpace: 'nowrap' }}>
                      <a href={`/api/site-audits/${r.id}/export?format=xlsx`}>Excel</a> ·{' '}
                      <a href={`/api/site-audits/${r.id}/export?format=csv`}>CSV</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </SitePage>
    )
  }

  const filter = q.status && q.status in RANK ? q.status : ''
  const sort = q.sort === 'name' || q.sort === 'countdown' ? q.sort : 'status'
  const shown = rows
    .filter((r) => !filter || r.latest?.status === filter)
    .sort((a, b) => {
      if (sort === 'name') return a.site.slug.localeCompare(b.site.slug)
      const da = a.latest?.failsOn ?? '9999'
      const db = b.latest?.failsOn ?? '9999'
      if (sort === 'countdown') return da.localeCompare(db)
      const ra = a.latest ? RANK[a.latest.status] : 3
      const rb = b.latest ? RANK[b.latest.status] : 3
      return ra - rb || da.localeCompare(db)
    })
  const counts = Object.fromEntries(
    (Object.keys(RANK) as (keyof typeof RANK)[]).map((s) => [
      s,
      rows.filter((r) => r.latest?.status === s).length,
    ]),
  )
  return (
    <AdminPage view={view}>
      <div className="platform-view site-audit">
        <h1>网站体检</h1>
        <p>
          按《政府网站与政务新媒体检查指标》逐项检查：不合格 {counts.fail} 个，预警 {counts.warning}{' '}
          个，合格 {counts.pass} 个。每晚 2 点自动体检全部开放站点。
        </p>
        <form
          method="get"
          style={{ display: 'flex', gap: '1rem', alignItems: 'end', flexWrap: 'wrap' }}
        >
          <label>
            结论
            <br />
            <select name="status" defaultValue={filter}>
              <option value="">全部</option>
              {Object.entries(AUDIT_STATUS_LABELS).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label>
            排序
            <br />
            <select name="sort" defaultValue={sort}>
              <option value="status">问题严重程度</option>
              <option value="countdown">预计不合格日期</option>
              <option value="name">站点</option>
            </select>
          </label>
          <button type="submit" className="btn btn--style-secondary btn--size-small">
            筛选
          </button>
        </form>
        {isPlatformAdmin(actor) && <RunButton site="all" label="立即体检全部站点" />}
        <div style={{ overflowX: 'auto' }}>
          <table className="table" style={{ marginTop: '1rem' }}>
            <thead>
              <tr>
                <th scope="col">站点</th>
                <th scope="col">结论</th>
                <th scope="col">最严重的问题</th>
                <th scope="col">倒计时</th>
                <th scope="col">最近体检</th>
                <th scope="col">近期走势</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={String(r.site.id)}>
                  <th scope="row">
                    <a href={`/admin/audit?site=${r.site.id}`}>{r.site.name}</a>
                    {r.site.status !== 'active' && (
                      <small>
                        （{SITE_STATUS_LABELS[r.site.status as SiteStatus] ?? r.site.status}）
                      </small>
                    )}
                  </th>
                  <td>{r.latest ? <Status status={r.latest.status} /> : '尚未体检'}</td>
                  <td>{r.latest?.worst ?? '—'}</td>
                  <td>{r.latest?.failsOnText ?? '—'}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    {r.latest ? beijingDateTime(r.latest.ranAt) : '—'}
                  </td>
                  <td aria-label={r.trend.map((s) => AUDIT_STATUS_LABELS[s]).join('、')}>
                    {r.trend.map((s, i) => (
                      <span key={i} style={{ color: COLOURS[s] }} title={AUDIT_STATUS_LABELS[s]}>
                        ●
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </AdminPage>
  )
}

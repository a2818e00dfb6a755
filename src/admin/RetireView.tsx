// Admin view /admin/retire (关停与整合): the guided action. A platform admin picks a site, says
// whether it is merged (整合: each column moved into a successor column or archived) or closed
// (关停: everything archived), previews what will happen — counts, each column's fate, the URL
// mapping — and only then confirms. A retired site shows the counts before and after, the check
// of every old address, and its mapping (export, sitemap).
import type { AdminViewServerProps } from 'payload'

import { AdminPage, SitePage } from './AdminPage'

import { beijingDateTime } from '../domain/dates'
import { isPlatformAdmin, toActor } from '../domain/permissions'
import { type Counts, retireForm } from '../domain/site-retirement'
import { SITE_STATUS_LABELS, type SiteStatus } from '../domain/sites'
import { SITES } from '../domain/slugs'
import { retirementRecord } from '../services/retire-check'
import { previewRetirement } from '../services/retire-site'
import { findAllSelected } from '../services/records'

const COUNT_LABELS: [keyof Counts, string][] = [
  ['articles', '信息'],
  ['published', '已发布信息'],
  ['columns', '栏目'],
  ['letters', '来信'],
  ['requests', '依申请公开申请'],
  ['errorReports', '纠错'],
  ['files', '文件'],
  ['users', '用户'],
]

const PROBLEMS: Record<string, string> = {
  confirm: '请先勾选“我已核对以上内容”，再确认执行。',
  successor: '请选择承接站点。',
}

const MAX_ROWS = 40

export async function RetireView(view: AdminViewServerProps) {
  const { initPageResult, searchParams } = view
  const { req } = initPageResult
  const q = (searchParams ?? {}) as Record<string, string>
  if (!isPlatformAdmin(toActor(req.user)))
    return (
      <AdminPage view={view}>
        <h1>关停与整合</h1>
        <p>关停或整合站点只对平台管理员开放。</p>
      </AdminPage>
    )
  const sites = await findAllSelected(req.payload, {
    collection: SITES,
    select: ['name', 'slug', 'kind', 'status', 'parent', 'successor', 'closedAt'],
    sort: 'slug',
  })
  const site = sites.find((s) => String(s.id) === q.site)

  if (!site)
    return (
      <AdminPage view={view}>
        <div className="platform-view">
          <h1>关停与整合</h1>
          <p>
            关停或整合一个站点前，先预览受影响的信息、栏目、文件、来信、申请和用户，以及将安装的地址映射；确认后旧地址全部按映射应答（301
            转到新地址，或 410 并链接存档），未映射的旧地址转到承接站点首页并提示。
          </p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">站点</th>
                <th scope="col">状态</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {sites.map((s) => (
                <tr key={String(s.id)}>
                  <td>{s.name}</td>
                  <td>{SITE_STATUS_LABELS[(s.status ?? 'active') as SiteStatus]}</td>
                  <td>
                    <a href={`/admin/retire?site=${s.id}`}>
                      {s.status === 'closed' || s.status === 'merged'
                        ? '查看结果与地址映射'
                        : s.kind === 'portal'
                          ? '（门户网站不能关停）'
                          : '关停或整合…'}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </AdminPage>
    )

  const nameOf = (id: unknown) => sites.find((s) => String(s.id) === String(id))?.name ?? '—'

  if (site.status === 'closed' || site.status === 'merged') {
    const record = await retirementRecord(req.payload, site.id)
    return (
      <SitePage
        view={view}
        back="/admin/retire"
        title={`${site.name}：${SITE_STATUS_LABELS[site.status as SiteStatus]}`}
      >
        <p>
          承接站点：{nameOf(site.successor)}
          {site.closedAt ? `；${beijingDateTime(site.closedAt)}` : ''}
          {record.action?.by ? `；操作人 ${record.action.by}` : ''}
        </p>
        {record.action && (
          <>
            <p>
              迁移信息 {record.action.moved} 条，存档 {record.action.archived} 条，地址映射{' '}
              {record.action.mappings} 条。
            </p>
            {record.action.before && record.action.after && (
              <table className="table">
                <caption style={{ textAlign: 'left' }}>
                  操作前后的数量（原站点与承接站点合计）
                </caption>
                <thead>
                  <tr>
                    <th scope="col">项目</th>
                    <th scope="col">操作前</th>
                    <th scope="col">操作后</th>
                  </tr>
                </thead>
                <tbody>
                  {COUNT_LABELS.map(([k, label]) => (
                    <tr key={k}>
                      <th scope="row">{label}</th>
                      <td>{record.action!.before![k]}</td>
                      <td>
                        {record.action!.after![k]}
                        {record.action!.after![k] !== record.action!.before![k] ? '（不一致）' : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
        <h2>旧地址检查</h2>
        {record.check ? (
          <>
            <p>
              {beijingDateTime(record.check.at)} 检查旧地址 {record.check.checked} 个：
              {record.check.failures.length
                ? `${record.check.failures.length} 个未按映射应答`
                : '全部按映射应答（301 到可访问的页面，或 410 并有可访问的存档）'}
            </p>
            {record.check.failures.length > 0 && (
              <ul>
                {record.check.failures.slice(0, MAX_ROWS).map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p>尚未检查。</p>
        )}
        <form method="post" action={`/api/sites/${site.id}/retire-check`}>
          <button type="submit" className="btn btn--style-secondary btn--size-small">
            重新检查旧地址
          </button>
        </form>
        <p>
          地址映射：
          <a href={`/admin/collections/url-mappings?where[site][equals]=${site.id}`}>查看与修改</a>
          {' · '}
          <a href={`/api/url-mappings/export?site=${site.id}`}>导出 CSV</a>
          {' · '}
          <a href="/sitemap-redirects.xml">sitemap-redirects.xml</a>
        </p>
      </SitePage>
    )
  }

  // The form: the choices come back in the query (a preview is a GET of the same form).
  const form = retireForm(new URLSearchParams(q))
  const candidates = sites.filter(
    (s) => String(s.id) !== String(site.id) && (s.status === 'active' || s.status === 'rectifying'),
  )
  const portal = candidates.find((s) => s.kind === 'portal')
  const successor = form.successor || String(site.parent ?? portal?.id ?? candidates[0]?.id ?? '')
  const preview = successor
    ? await previewRetirement(req.payload, {
        site: site.id,
        successor,
        mode: form.mode,
        // Choices made for another successor (the select was changed) start again from the
        // suggestions.
        choices: q.preview && q.choicesFor === successor ? form.choices : undefined,
      })
    : null
  const shown = q.preview === '1'
  const verb = form.mode === 'close' ? '关停' : '整合'
  const hidden = (
    <>
      <input type="hidden" name="mode" value={form.mode} />
      <input type="hidden" name="successor" value={successor} />
      {preview?.ok &&
        preview.plan.columns.map((c) => (
          <input
            key={String(c.from.id)}
            type="hidden"
            name={`col_${c.from.id}`}
            value={c.to ? String(c.to.id) : 'archive'}
          />
        ))}
    </>
  )

  return (
    <SitePage view={view} back="/admin/retire" title={`关停或整合：${site.name}`}>
      {q.problem && PROBLEMS[q.problem] && (
        <p role="alert" style={{ color: '#b71c1c', fontWeight: 600 }}>
          {PROBLEMS[q.problem]}
        </p>
      )}
      <form method="get" action="/admin/retire">
        <input type="hidden" name="site" value={String(site.id)} />
        <input type="hidden" name="preview" value="1" />
        <input type="hidden" name="choicesFor" value={successor} />
        <fieldset style={{ border: 0, padding: 0 }}>
          <legend>方式</legend>
          <label style={{ marginRight: '1.5rem' }}>
            <input type="radio" name="mode" value="merge" defaultChecked={form.mode === 'merge'} />{' '}
            整合：栏目内容迁入承接站点的栏目（保留编号、索引号和历史），其余存档
          </label>
          <label>
            <input type="radio" name="mode" value="close" defaultChecked={form.mode === 'close'} />{' '}
            关停：全部内容存档，旧地址转到承接站点
          </label>
        </fieldset>
        <p>
          <label htmlFor="retire-successor">承接站点</label>{' '}
          <select id="retire-successor" name="successor" defaultValue={successor}>
            {candidates.map((s) => (
              <option key={String(s.id)} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        </p>
        {preview?.ok && (
          <table className="table">
            <caption style={{ textAlign: 'left' }}>每个栏目的去向</caption>
            <thead>
              <tr>
                <th scope="col">原栏目</th>
                <th scope="col">去向</th>
              </tr>
            </thead>
            <tbody>
              {preview.plan.columns.map((c) => (
                <tr key={String(c.from.id)}>
                  <th scope="row">
                    {c.from.name}（/{c.from.path}/）
                  </th>
                  <td>
                    <select
                      name={`col_${c.from.id}`}
                      aria-label={`“${c.from.name}”的去向`}
                      defaultValue={c.to ? String(c.to.id) : 'archive'}
                    >
                      <option value="archive">存档（旧地址答 410 并链接存档）</option>
                      {form.mode === 'merge' &&
                        preview.successorColumns.map((t) => (
                          <option key={String(t.id)} value={String(t.id)}>
                            迁入“{t.name}”（/{t.path}/）
                          </option>
                        ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <button type="submit" className="btn btn--style-primary btn--size-small">
            预览
          </button>
        </p>
      </form>

      {preview && !preview.ok && (
        <div role="alert">
          <h2>不能{verb}</h2>
          <ul>
            {preview.refusals.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}

      {shown && preview?.ok && (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">预览：{verb}后将发生的事</h2>
          <ul>
            <li>
              迁入“{preview.successor.name}”的信息 {preview.affected.moving}{' '}
              条（保留编号、索引号和历史，旧地址 301 到新地址）
            </li>
            <li>存档的信息 {preview.affected.archived} 条（旧地址答 410，链接承接站点上的存档）</li>
            <li>文件 {preview.affected.files} 个：旧地址转到承接站点的同名地址</li>
            <li>
              未办结来信 {preview.affected.openLetters} 件、未办结申请{' '}
              {preview.affected.openRequests} 件：仍由原站点的办理人员办理，查询码在承接站点可查
            </li>
            <li>
              信箱 {preview.affected.mailboxes} 个停止接收新来信；用户 {preview.affected.users}{' '}
              人保留原站点角色
            </li>
            <li>统计：原站点的历史来信仍计在原站点名下</li>
          </ul>
          <table className="table">
            <caption style={{ textAlign: 'left' }}>
              将安装的地址映射（共 {preview.plan.mappings.length} 条
              {preview.plan.mappings.length > MAX_ROWS ? `，显示前 ${MAX_ROWS} 条` : ''}）
            </caption>
            <thead>
              <tr>
                <th scope="col">旧地址</th>
                <th scope="col">应答</th>
                <th scope="col">新地址（{preview.successor.name}）</th>
              </tr>
            </thead>
            <tbody>
              {preview.plan.mappings.slice(0, MAX_ROWS).map((m) => (
                <tr key={m.fromPath}>
                  <td>
                    {m.fromPath}
                    {m.match === 'prefix' ? '…' : ''}
                  </td>
                  <td>{m.status}</td>
                  <td>
                    {m.toPath}
                    {m.keepRest ? '…' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form method="post" action={`/api/sites/${site.id}/retire`}>
            {hidden}
            <p>
              <label>
                <input type="checkbox" name="confirm" value="yes" /> 我已核对以上内容
              </label>
            </p>
            <button type="submit" className="btn btn--style-primary">
              确认{verb}
            </button>
          </form>
        </section>
      )}
    </SitePage>
  )
}

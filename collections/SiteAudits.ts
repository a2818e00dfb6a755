// 网站体检: one stored run of the zombie-site audit per site (rules src/domain/site-audit.ts, the
// use case src/services/site-audit.ts). Written by the server only; kept as the site's history.
import type { CollectionConfig, Endpoint } from 'payload'

import { idOf } from '../src/domain/ids'
import { isPlatformAdmin, sitesWithRole } from '../src/domain/permissions'
import { AUDIT_STATUS_LABELS } from '../src/domain/site-audit'
import { auditAllSites, runSiteAudit } from '../src/services/site-audit'
import { auditRunFile, readableRun } from '../src/services/site-audit-export'
import { readAsSiteAdmin, serverWritten, toActor } from './access'
import { momentField, siteOfRecordField } from './fields'
import { SITE_AUDITS, USERS } from './slugs'

/**
 * POST /api/site-audits/run (the 立即体检 form on /admin/audit): `site=<id>` audits one site,
 * `site=all` every open site. Platform admins may run any; a site admin their own sites.
 */
const runNow: Endpoint = {
  path: '/run',
  method: 'post',
  handler: async (req) => {
    const actor = toActor(req.user)
    if (!req.user) return Response.json({ message: '请先登录' }, { status: 401 })
    const site = new URLSearchParams(await req.text!()).get('site') ?? ''
    const back = (query: string) =>
      new Response(null, { status: 303, headers: { Location: `/admin/audit${query}` } })
    if (site === 'all') {
      if (!isPlatformAdmin(actor))
        return Response.json({ message: '只有平台管理员可以一次体检全部站点' }, { status: 403 })
      await auditAllSites(req.payload, { trigger: 'manual' })
      return back('')
    }
    const allowed =
      isPlatformAdmin(actor) || sitesWithRole(actor, 'site-admin').some((s) => String(s) === site)
    if (!site || !allowed) return Response.json({ message: '您无权体检该站点' }, { status: 403 })
    await runSiteAudit(req.payload, site, { trigger: 'manual', by: idOf(req.user) })
    return back(`?site=${encodeURIComponent(site)}`)
  },
}

/** GET /api/site-audits/:id/export?format=csv|xlsx — one run, for whoever may read it. */
const exportRun: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return Response.json({ message: '请先登录' }, { status: 401 })
    const format = (req.query as Record<string, unknown>)?.format ?? 'csv'
    if (format !== 'csv' && format !== 'xlsx')
      return Response.json({ message: '导出格式只能是 csv 或 xlsx' }, { status: 400 })
    const run = await readableRun(req.payload, req.user, req.routeParams?.id as string)
    if (!run) return Response.json({ message: '体检记录不存在或无权查看' }, { status: 404 })
    const file = await auditRunFile(run, format)
    return new Response(file.body, { headers: file.headers })
  },
}

export const SiteAudits: CollectionConfig = {
  slug: SITE_AUDITS,
  labels: { singular: '体检记录', plural: '体检记录' },
  admin: {
    group: '监管',
    useAsTitle: 'title',
    defaultColumns: ['site', 'ranAt', 'status', 'worst', 'failsOn'],
    description:
      '按《政府网站与政务新媒体检查指标》逐项检查各站点；每晚自动运行，也可在“网站体检”页面手动运行。',
  },
  access: serverWritten(readAsSiteAdmin),
  defaultSort: '-ranAt',
  endpoints: [runNow, exportRun],
  fields: [
    { name: 'title', label: '标题', type: 'text', admin: { hidden: true } },
    siteOfRecordField(),
    momentField('ranAt', '体检时间'),
    {
      name: 'status',
      label: '结论',
      type: 'select',
      required: true,
      index: true,
      options: Object.entries(AUDIT_STATUS_LABELS).map(([value, label]) => ({ value, label })),
    },
    { name: 'worst', label: '最严重的问题', type: 'text' },
    { name: 'failsOn', label: '预计不合格日期', type: 'text' },
    { name: 'failsOnText', label: '倒计时', type: 'text' },
    {
      name: 'trigger',
      label: '运行方式',
      type: 'select',
      options: [
        { value: 'nightly', label: '每晚自动' },
        { value: 'manual', label: '手动' },
        { value: 'cli', label: '命令行' },
      ],
    },
    { name: 'ranBy', label: '运行人', type: 'relationship', relationTo: USERS },
    { name: 'items', label: '检查项与证据', type: 'json', required: true },
  ],
}

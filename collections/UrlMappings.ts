// 地址映射: how each old address of a retired or merged site answers (rules in
// src/domain/site-retirement.ts, written by the retirement in src/services/retire-site.ts).
// Platform admins may correct a row; everyone with a role on the site reads them; the export
// and /sitemap-redirects.xml list them.
import type { CollectionConfig, Endpoint } from 'payload'

import { isPlatformAdmin } from '../src/domain/permissions'
import { mappingsCsv } from '../src/services/url-mappings'
import { isPlatformAdminAccess, readAsSiteAdmin, toActor } from './access'
import { SITES, URL_MAPPINGS } from './slugs'

/** GET /api/url-mappings/export?site=<id> — the rows as CSV (UTF-8 with BOM, opens in Excel). */
const exportMappings: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return Response.json({ message: '请先登录' }, { status: 401 })
    if (!isPlatformAdmin(toActor(req.user)))
      return Response.json({ message: '只有平台管理员可以导出地址映射' }, { status: 403 })
    const site = (req.query as Record<string, unknown>)?.site
    const body = await mappingsCsv(req.payload, typeof site === 'string' && site ? site : null)
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="url-mappings.csv"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}

export const UrlMappings: CollectionConfig = {
  slug: URL_MAPPINGS,
  labels: { singular: '地址映射', plural: '地址映射' },
  admin: {
    group: '监管',
    useAsTitle: 'fromPath',
    defaultColumns: ['site', 'fromPath', 'status', 'toSite', 'toPath', 'kind'],
    description:
      '关停或整合的站点的旧地址如何应答：301 转到承接站点的新地址，410 说明已存档并链接存档页。未列出的旧地址转到承接站点首页并提示。',
  },
  access: {
    read: readAsSiteAdmin,
    create: isPlatformAdminAccess,
    update: isPlatformAdminAccess,
    delete: isPlatformAdminAccess,
  },
  defaultSort: 'fromPath',
  endpoints: [exportMappings],
  indexes: [{ fields: ['site', 'fromPath'], unique: true }],
  fields: [
    {
      name: 'site',
      label: '原站点',
      type: 'relationship',
      relationTo: SITES,
      required: true,
      index: true,
    },
    {
      name: 'fromPath',
      label: '旧地址（路径）',
      type: 'text',
      required: true,
      index: true,
      validate: (value: unknown) =>
        typeof value === 'string' && /^\/[^\s?#]*$/.test(value)
          ? true
          : '旧地址须以 / 开头，不含空格、? 和 #',
    },
    {
      type: 'row',
      fields: [
        {
          name: 'match',
          label: '匹配方式',
          type: 'select',
          required: true,
          defaultValue: 'exact',
          options: [
            { label: '完全一致', value: 'exact' },
            { label: '以此开头', value: 'prefix' },
          ],
        },
        {
          name: 'keepRest',
          label: '保留其后的路径（文件）',
          type: 'checkbox',
          defaultValue: false,
        },
        {
          name: 'status',
          label: '应答',
          type: 'select',
          required: true,
          defaultValue: '301',
          options: [
            { label: '301 永久转到新地址', value: '301' },
            { label: '410 已存档', value: '410' },
          ],
        },
      ],
    },
    {
      name: 'toSite',
      label: '承接站点',
      type: 'relationship',
      relationTo: SITES,
      required: true,
    },
    {
      name: 'toPath',
      label: '新地址（承接站点上的路径）',
      type: 'text',
      required: true,
      validate: (value: unknown) =>
        typeof value === 'string' && /^\/[^\s#]*$/.test(value)
          ? true
          : '新地址须是承接站点上以 / 开头的路径',
    },
    {
      name: 'kind',
      label: '类别',
      type: 'select',
      options: [
        { label: '首页', value: 'home' },
        { label: '栏目', value: 'column' },
        { label: '信息', value: 'article' },
        { label: '短链接', value: 'short-link' },
        { label: '订阅与地图', value: 'feed' },
        { label: '专区', value: 'section' },
        { label: '文件', value: 'files' },
      ],
    },
  ],
}

// 站外链接检查: the answer of each address on another website that published pages link to
// (src/services/external-links.ts), with the sites and pages that use it; read by the audit.
// Written by the checker only.
import type { CollectionConfig } from 'payload'

import { LINK_VERDICT_LABELS } from '../src/domain/link-check'
import { readAsSiteAdminOf, serverWritten } from './access'
import { momentField } from './fields'
import { LINK_CHECKS, SITES } from './slugs'

export const LinkChecks: CollectionConfig = {
  slug: LINK_CHECKS,
  labels: { singular: '站外链接检查', plural: '站外链接检查' },
  admin: {
    group: '监管',
    useAsTitle: 'url',
    defaultColumns: ['url', 'status', 'httpStatus', 'checkedAt'],
    description:
      '每晚检查已发布页面中指向其他网站的链接（同一结果保留 4 小时，每个网站同时最多 2 个请求、间隔 1 秒）；网站体检据此判定“链接不可用”。',
  },
  // Platform staff read every answer; a site's admins those of links on their site's pages.
  access: serverWritten(readAsSiteAdminOf('sites')),
  defaultSort: '-checkedAt',
  fields: [
    { name: 'url', label: '地址', type: 'text', required: true, unique: true, index: true },
    { name: 'host', label: '网站', type: 'text', required: true, index: true },
    {
      name: 'status',
      label: '结果',
      type: 'select',
      required: true,
      index: true,
      options: Object.entries(LINK_VERDICT_LABELS).map(([value, label]) => ({ value, label })),
    },
    { name: 'httpStatus', label: 'HTTP 状态', type: 'number' },
    { name: 'error', label: '错误', type: 'text' },
    { name: 'retried', label: '以浏览器身份重试', type: 'checkbox', defaultValue: false },
    momentField('checkedAt', '检查时间'),
    {
      name: 'sites',
      label: '使用它的站点',
      type: 'relationship',
      relationTo: SITES,
      hasMany: true,
      index: true,
    },
    { name: 'pages', label: '出现的页面', type: 'json' },
  ],
}

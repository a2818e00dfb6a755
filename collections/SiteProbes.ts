// 可访问性监测: the answers of the reachability probes (src/services/site-probe.ts), read by the
// audit. Written by the probe only.
import type { CollectionConfig } from 'payload'

import { nobody, readAsSiteAdmin } from './access'
import { SITE_PROBES, SITES } from './slugs'

export const SiteProbes: CollectionConfig = {
  slug: SITE_PROBES,
  labels: { singular: '可访问性监测', plural: '可访问性监测' },
  admin: {
    group: '监管',
    defaultColumns: ['site', 'at', 'ok', 'status', 'ms', 'error'],
    description: '每小时从平台访问各站点首页一次；网站体检按近 7 天的结果判定“站点无法访问”。',
  },
  access: { read: readAsSiteAdmin, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-at',
  fields: [
    {
      name: 'site',
      label: '站点',
      type: 'relationship',
      relationTo: SITES,
      required: true,
      index: true,
    },
    {
      name: 'at',
      label: '时间',
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'ok', label: '正常', type: 'checkbox', defaultValue: false },
    { name: 'status', label: 'HTTP 状态', type: 'number' },
    { name: 'ms', label: '用时（毫秒）', type: 'number' },
    { name: 'error', label: '错误', type: 'text' },
    {
      name: 'via',
      label: '监测点',
      type: 'select',
      options: [
        { value: 'local', label: '平台内部' },
        { value: 'public', label: '外部（真实域名）' },
      ],
    },
  ],
}

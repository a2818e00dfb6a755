// 可访问性监测: the answers of the reachability probes (src/services/site-probe.ts), read by the
// audit. Written by the probe only.
import type { CollectionConfig } from 'payload'

import { readAsSiteAdmin, serverWritten } from './access'
import { momentField, siteOfRecordField } from './fields'
import { SITE_PROBES } from './slugs'

export const SiteProbes: CollectionConfig = {
  slug: SITE_PROBES,
  labels: { singular: '可访问性监测', plural: '可访问性监测' },
  admin: {
    group: '监管',
    defaultColumns: ['site', 'at', 'ok', 'status', 'ms', 'error'],
    description: '每小时从平台访问各站点首页一次；网站体检按近 7 天的结果判定“站点无法访问”。',
  },
  access: serverWritten(readAsSiteAdmin),
  defaultSort: '-at',
  fields: [
    siteOfRecordField(),
    momentField('at', '时间'),
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

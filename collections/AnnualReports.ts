// 政府信息公开年度报告: each site's annual report text, one a year; its tables are computed.
import {
  type Access,
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionConfig,
  type Where,
} from 'payload'

import { beijingYear } from '../src/domain/dates'
import { idOf } from '../src/domain/ids'
import { canReadAllSites, isPlatformAdmin, sitesWithRole } from '../src/domain/permissions'
import { createOnOwnSites, nobody, serverOwnedFields, toActor, writeOnOwnSites } from './access'
import { siteField } from './fields'
import { ANNUAL_REPORTS } from './slugs'

const refuse = (message: string) => new APIError(message, 400, null, true)

const oneReportPerYear: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const site = idOf(data.site ?? originalDoc?.site)
  const year = Number(data.year ?? originalDoc?.year)
  if (!Number.isInteger(year) || year < 2008 || year > beijingYear(new Date()))
    throw refuse('年度须为 2008 年至今年之间的年份')
  const clash = await req.payload.find({
    collection: ANNUAL_REPORTS,
    where: { and: [{ site: { equals: site } }, { year: { equals: year } }] },
    limit: 2,
    depth: 0,
    overrideAccess: true,
    select: { year: true },
    req,
  })
  if (clash.docs.some((d) => String(d.id) !== String(originalDoc?.id ?? '')))
    throw refuse(`本站 ${year} 年度报告已存在，请编辑已有的报告`)
  if (data.published && !originalDoc?.published) data.publishedAt = new Date().toISOString()
  return data
}

const publishedReportsOrOwn: Access = ({ req }) => {
  const actor = toActor(req.user)
  if (canReadAllSites(actor) || isPlatformAdmin(actor)) return true
  const sites = sitesWithRole(actor)
  const published: Where = { published: { equals: true } }
  return sites.length ? { or: [published, { site: { in: sites } }] } : published
}

export const AnnualReports: CollectionConfig = {
  slug: ANNUAL_REPORTS,
  labels: { singular: '信息公开年度报告', plural: '信息公开年度报告' },
  admin: {
    useAsTitle: 'year',
    defaultColumns: ['year', 'site', 'published', 'publishedAt'],
    group: '内容',
    description:
      '表二、表三、表四由系统按本站数据计算；这里填写第一、五、六部分的文字和其他系统的统计数。部门于 1 月 31 日前、政府于 3 月 31 日前发布。',
  },
  access: {
    read: publishedReportsOrOwn,
    create: createOnOwnSites('annualReport'),
    update: writeOnOwnSites('annualReport'),
    delete: nobody,
  },
  hooks: { beforeChange: [oneReportPerYear] },
  fields: serverOwnedFields(ANNUAL_REPORTS, [
    siteField('annualReport'),
    { name: 'year', label: '年度', type: 'number', required: true, index: true },
    { name: 'section1', label: '一、总体情况', type: 'textarea' },
    {
      type: 'row',
      fields: [
        { name: 'licensing', label: '行政许可 本年处理决定数量', type: 'number', min: 0 },
        { name: 'penalty', label: '行政处罚 本年处理决定数量', type: 'number', min: 0 },
        { name: 'coercion', label: '行政强制 本年处理决定数量', type: 'number', min: 0 },
        {
          name: 'feesWanYuan',
          label: '行政事业性收费 本年收费金额（万元）',
          type: 'number',
          min: 0,
        },
      ],
    },
    { name: 'section5', label: '五、存在的主要问题及改进情况', type: 'textarea' },
    { name: 'section6', label: '六、其他需要报告的事项', type: 'textarea' },
    {
      name: 'published',
      label: '已发布',
      type: 'checkbox',
      defaultValue: false,
      admin: { position: 'sidebar' },
    },
    {
      name: 'publishedAt',
      label: '发布时间',
      type: 'date',
      admin: { readOnly: true, position: 'sidebar' },
    },
  ]),
}

import type { CollectionConfig } from 'payload'

import { beijingYear } from '../src/domain/dates'
import { DEFAULT_REPORT_DAYS } from '../src/domain/error-reports'
import { MIN_SAMPLE } from '../src/domain/letter-stats'
import { DEFAULT_FOLLOW_UP_DAYS, RATING_WINDOW_DAYS } from '../src/domain/letters'
import { isDomainName, isSiteIdCode, isSiteSlug } from '../src/domain/sites'
import { ensureOrgCounters } from '../src/services/numbering'
import {
  anyone,
  isPlatformAdminAccess,
  nobody,
  platformAdminField,
  writeOnOwnSites,
} from './access'
import { indexSiteChange } from '../src/services/search-index'
import { invalidateSite } from './hooks/invalidate'
import { retireCheckEndpoint, retireEndpoint } from './retire-endpoints'

import { MEDIA, SITES } from './slugs'

const platformOnly = { update: platformAdminField, create: platformAdminField }

export const Sites: CollectionConfig = {
  slug: SITES,
  labels: { singular: '站点', plural: '站点' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'kind', 'status', 'siteIdCode'],
    group: '平台',
  },
  access: {
    read: anyone,
    create: isPlatformAdminAccess,
    update: writeOnOwnSites('site', 'id'),
    // 站点只能关闭或合并，永不删除（关闭后内容、信件与统计仍须保留）。
    delete: nobody,
  },
  endpoints: [retireEndpoint, retireCheckEndpoint],
  hooks: {
    afterChange: [
      invalidateSite,
      async ({ doc, previousDoc, req }) => {
        if (doc.orgCode && doc.orgCode !== previousDoc?.orgCode) {
          const year = beijingYear(new Date())
          await ensureOrgCounters(req, doc.orgCode, [year, year + 1])
        }
        return doc
      },
      // Closed or merged: nothing of the site stays findable; reopened: all of it again.
      async ({ doc, previousDoc, req }) => {
        await indexSiteChange(req, doc, previousDoc)
        return doc
      },
    ],
  },
  fields: [
    { name: 'name', label: '网站名称', type: 'text', required: true },
    {
      name: 'slug',
      label: '站点代号',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      access: platformOnly,
      admin: { description: '小写字母、数字和连字符；开发环境地址为 <代号>.localhost' },
      validate: (value: unknown) =>
        typeof value === 'string' && isSiteSlug(value)
          ? true
          : '站点代号只能包含小写字母、数字和连字符，且不能以连字符开头或结尾',
    },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          label: '类型',
          type: 'select',
          required: true,
          defaultValue: 'department',
          access: platformOnly,
          options: [
            { label: '门户网站', value: 'portal' },
            { label: '部门网站', value: 'department' },
          ],
        },
        {
          name: 'theme',
          label: '模板',
          type: 'select',
          required: true,
          defaultValue: 'department',
          options: [
            { label: '门户模板', value: 'portal' },
            { label: '部门模板', value: 'department' },
          ],
        },
        {
          name: 'status',
          label: '状态',
          type: 'select',
          required: true,
          defaultValue: 'active',
          access: platformOnly,
          options: [
            { label: '运行中', value: 'active' },
            { label: '整改中', value: 'rectifying' },
            { label: '已关停', value: 'closed' },
            { label: '已整合', value: 'merged' },
          ],
        },
      ],
    },
    {
      name: 'parent',
      label: '上级门户',
      type: 'relationship',
      relationTo: SITES,
      access: platformOnly,
    },
    {
      name: 'domains',
      label: '域名',
      type: 'array',
      access: platformOnly,
      labels: { singular: '域名', plural: '域名' },
      fields: [
        {
          name: 'domain',
          label: '域名',
          type: 'text',
          required: true,
          validate: (value: unknown) =>
            typeof value === 'string' && isDomainName(value.trim())
              ? true
              : '请输入不含 http:// 和路径的域名，例如 www.example.gov.cn',
        },
      ],
    },
    {
      type: 'collapsible',
      label: '备案与标识',
      fields: [
        {
          name: 'siteIdCode',
          label: '网站标识码',
          type: 'text',
          required: true,
          unique: true,
          access: platformOnly,
          validate: (value: unknown) =>
            typeof value === 'string' && isSiteIdCode(value) ? true : '网站标识码应为 10 位数字',
        },
        { name: 'orgName', label: '机构名称', type: 'text', required: true },
        {
          name: 'orgCode',
          label: '机构代码',
          type: 'text',
          admin: { description: '9 位组织机构代码或 18 位统一社会信用代码，用于索引号' },
          validate: (value: unknown) =>
            value == null ||
            value === '' ||
            /^([0-9A-Z]{9}|[0-9A-HJ-NPQRTUWXY]{18})$/.test(String(value))
              ? true
              : '机构代码应为 9 位组织机构代码或 18 位统一社会信用代码',
        },
        { name: 'icp', label: 'ICP备案号', type: 'text' },
        { name: 'psbRecord', label: '公安机关备案号', type: 'text' },
        { name: 'sponsor', label: '主办单位', type: 'text', required: true },
        { name: 'operator', label: '承办单位', type: 'text' },
      ],
    },
    {
      name: 'logo',
      label: '网站标志',
      type: 'upload',
      relationTo: MEDIA,
      admin: {
        description: '显示在页头网站名称前的标志或徽标（正方形图片）；不设置时使用平台内置标志',
      },
    },
    {
      type: 'collapsible',
      label: '联系方式',
      fields: [
        { name: 'address', label: '地址', type: 'text' },
        { name: 'postcode', label: '邮编', type: 'text' },
        { name: 'phone', label: '电话', type: 'text' },
        { name: 'officeHours', label: '办公时间', type: 'text' },
      ],
    },
    {
      name: 'leaders',
      label: '领导信息',
      type: 'array',
      labels: { singular: '领导', plural: '领导' },
      fields: [
        { name: 'name', label: '姓名', type: 'text', required: true },
        { name: 'title', label: '职务', type: 'text', required: true },
        { name: 'duties', label: '分工', type: 'textarea' },
        { name: 'bio', label: '简历', type: 'textarea', maxLength: 2000 },
      ],
    },
    {
      name: 'publishing',
      label: '发布流程',
      type: 'group',
      fields: [
        {
          name: 'reviewStep',
          label: '启用审核环节（提交 → 审核 → 签发）',
          type: 'checkbox',
          defaultValue: true,
        },
        {
          name: 'fourEyes',
          label: '本人提交的稿件须由他人审核、签发',
          type: 'checkbox',
          defaultValue: true,
        },
      ],
    },
    {
      name: 'disclosure',
      label: '政府信息公开',
      type: 'group',
      admin: {
        description: '显示在“政府信息公开指南”（/xxgk/zn）；未填写的项目在指南中注明“未提供”',
      },
      fields: [
        {
          name: 'includeDepartments',
          label: '公开目录包含各部门网站的信息（门户网站）',
          type: 'checkbox',
          defaultValue: false,
        },
        {
          type: 'row',
          fields: [
            { name: 'office', label: '受理机构', type: 'text' },
            { name: 'address', label: '受理地址', type: 'text' },
            { name: 'postcode', label: '邮政编码', type: 'text' },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'hours', label: '办公时间', type: 'text' },
            { name: 'phone', label: '咨询电话', type: 'text' },
            { name: 'fax', label: '传真', type: 'text' },
            { name: 'email', label: '电子邮箱', type: 'email' },
          ],
        },
        { name: 'guideNotes', label: '指南补充说明', type: 'textarea' },
      ],
    },
    {
      name: 'interaction',
      label: '互动交流',
      type: 'group',
      admin: { description: '领导信箱和“我要纠错”的办理规则（期限以工作日计）' },
      fields: [
        {
          name: 'reviewAnswers',
          label: '答复须经另一人审核后才发送、公开',
          type: 'checkbox',
          defaultValue: true,
        },
        {
          type: 'row',
          fields: [
            {
              name: 'followUpDays',
              label: '差评跟进期限（工作日）',
              type: 'number',
              defaultValue: DEFAULT_FOLLOW_UP_DAYS,
              min: 1,
              max: 15,
            },
            {
              name: 'rankingMinimum',
              label: '统计排名的最少来信数',
              type: 'number',
              defaultValue: MIN_SAMPLE,
              min: 1,
            },
            {
              name: 'errorReportDays',
              label: '纠错答复期限（工作日）',
              type: 'number',
              defaultValue: DEFAULT_REPORT_DAYS,
              min: 1,
              max: 15,
            },
          ],
        },
        {
          name: 'defaultSatisfied',
          label: `答复后 ${RATING_WINDOW_DAYS} 个工作日未评价的来信计为“满意”（统计中注明默认评价数）`,
          type: 'checkbox',
          defaultValue: false,
        },
      ],
    },
    {
      // 热门搜索: shown on the search page as suggestions, chosen by the site's admins.
      name: 'hotSearches',
      label: '热门搜索',
      type: 'text',
      hasMany: true,
      maxRows: 10,
      maxLength: 20,
      admin: {
        description:
          '显示在本站搜索页的推荐搜索词（最多 10 个，每个不超过 20 字）；可参考“无结果搜索词”补充。',
      },
    },
    {
      type: 'collapsible',
      label: '关停与整合',
      admin: { initCollapsed: true },
      fields: [
        {
          name: 'successor',
          label: '整合至',
          type: 'relationship',
          relationTo: SITES,
          access: platformOnly,
        },
        { name: 'closedAt', label: '关停日期', type: 'date', access: platformOnly },
      ],
    },
  ],
}

// 平台设置: the platform's name and emblem, shown on the admin's login page, in its navigation
// and in mails, and the site audit's thresholds; kept by platform admins.
import type { GlobalConfig } from 'payload'

import { DEFAULT_SETTINGS, settingProblem, THRESHOLD_SETTINGS } from '../src/domain/audit-settings'
import { synonymProblems } from '../src/domain/search'
import { forgetSynonyms } from '../src/services/search'
import { settings } from '../src/settings'
import { isPlatformAdminAccess } from './access'
import { MEDIA, PLATFORM_SETTINGS } from './slugs'

export const PlatformSettings: GlobalConfig = {
  slug: PLATFORM_SETTINGS,
  label: '平台设置',
  admin: {
    group: '平台',
    description:
      '平台名称和标志显示在管理后台的登录页和导航中；网站体检的阈值和搜索同义词也在这里设置。',
  },
  // Branding: read wherever the admin is drawn (the login page reads it on the server).
  access: { read: ({ req }) => Boolean(req.user), update: isPlatformAdminAccess },
  fields: [
    {
      name: 'name',
      label: '平台名称',
      type: 'text',
      required: true,
      maxLength: 40,
      defaultValue: settings.platformName,
    },
    {
      name: 'shortName',
      label: '简称',
      type: 'text',
      maxLength: 12,
      admin: { description: '导航栏空间不足时显示，例如“集约平台”' },
    },
    {
      name: 'emblem',
      label: '标志',
      type: 'upload',
      relationTo: MEDIA,
      admin: { description: '正方形图片（PNG、SVG 等），不设置时使用内置标志' },
    },
    { name: 'operator', label: '运维单位', type: 'text', maxLength: 60 },
    {
      // The audit's thresholds (src/domain/audit-settings.ts): empty keeps the national figure.
      name: 'audit',
      label: '网站体检阈值',
      type: 'group',
      admin: {
        description:
          '默认采用《政府网站与政务新媒体检查指标》的国家标准；本地可以要求更严，不能放宽。留空即恢复国家标准。',
      },
      fields: THRESHOLD_SETTINGS.map((s) => ({
        name: s.name,
        label: `${s.label}（${s.unit}）`,
        type: 'number' as const,
        min: s.min,
        max: s.max,
        admin: {
          placeholder: String(DEFAULT_SETTINGS[s.name]),
          description: `国家标准：${DEFAULT_SETTINGS[s.name]}${s.unit}`,
        },
        validate: (value: unknown) => settingProblem(s, value) ?? true,
      })),
    },
    {
      // One group per line; every word of a group finds the others (src/domain/search.ts).
      name: 'searchSynonyms',
      label: '搜索同义词',
      type: 'textarea',
      admin: {
        rows: 8,
        placeholder: '社保 社会保险\n公积金 住房公积金\n个税 个人所得税',
        description:
          '每行一组同义词，用空格分隔；搜索其中任何一个词，也能找到含有同组其他词的内容。对平台上所有网站的搜索生效。',
      },
      validate: (value: unknown) => {
        const problems = synonymProblems(typeof value === 'string' ? value : '')
        return problems.length ? problems.join('；') : true
      },
    },
  ],
  hooks: { afterChange: [() => forgetSynonyms()] },
}

// 政府信息公开: the platform's classification lists (主题分类, 体裁分类), one for every site.
import type { CollectionConfig } from 'payload'

import { anyone, isPlatformAdminAccess } from './access'
import { DISCLOSURE_GENRES, DISCLOSURE_TOPICS } from './slugs'

const classification = (slug: string, singular: string, hint: string): CollectionConfig => ({
  slug,
  labels: { singular, plural: singular },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'code', 'order'],
    group: '平台',
    description: hint,
  },
  access: {
    read: anyone,
    create: isPlatformAdminAccess,
    update: isPlatformAdminAccess,
    delete: isPlatformAdminAccess,
  },
  defaultSort: 'order',
  fields: [
    { name: 'name', label: '名称', type: 'text', required: true, unique: true },
    { name: 'code', label: '代码', type: 'text' },
    { name: 'order', label: '排序', type: 'number', defaultValue: 0 },
  ],
})

export const DisclosureTopics = classification(
  DISCLOSURE_TOPICS,
  '主题分类',
  '全平台统一的信息公开主题分类，由平台管理员维护。',
)
export const DisclosureGenres = classification(
  DISCLOSURE_GENRES,
  '体裁分类',
  '全平台统一的公文体裁分类（通知、公告、意见……），由平台管理员维护。',
)

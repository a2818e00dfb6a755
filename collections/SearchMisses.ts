// 无结果搜索词: what readers searched for on a site and did not find, with how often — the
// query text only, nothing about the person. Written by the search page; read by the site's
// admins (to add content, synonyms or hot searches) and platform staff.
import type { CollectionConfig } from 'payload'

import { nobody, readAsSiteAdmin, writeOnOwnSites } from './access'
import { momentField, siteOfRecordField } from './fields'
import { SEARCH_MISSES } from './slugs'

export const SearchMisses: CollectionConfig = {
  slug: SEARCH_MISSES,
  labels: { singular: '无结果搜索词', plural: '无结果搜索词' },
  admin: {
    group: '网站管理',
    useAsTitle: 'query',
    defaultColumns: ['query', 'count', 'lastAt', 'site'],
    description:
      '读者在本站搜索却没有找到结果的词和次数（只记录搜索词，不记录任何个人信息）。可据此补充内容、在平台设置中增加同义词，或在网站设置中设为热门搜索。',
  },
  access: {
    read: readAsSiteAdmin,
    create: nobody,
    update: nobody,
    delete: writeOnOwnSites('site'),
  },
  defaultSort: '-count',
  fields: [
    siteOfRecordField(),
    { name: 'query', label: '搜索词', type: 'text', required: true },
    // site + normalised query: one row per word and site.
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { hidden: true },
    },
    { name: 'count', label: '次数', type: 'number', required: true, defaultValue: 1, index: true },
    momentField('lastAt', '最近一次', { index: false }),
  ],
}

import { APIError, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'

import { canReadAllSites, readableSites } from '../src/domain/permissions'
import {
  createOnOwnSites,
  publishedOrOwnSites,
  toActor,
  versionsOfOwnSites,
  writeOnOwnSites,
} from './access'
import { siteField } from './fields'
import { invalidateArticle, invalidateArticleOnDelete } from './hooks/invalidate'
import { ARTICLES, ATTACHMENTS, COLUMNS, MEDIA } from './slugs'

const idOf = (v: unknown) =>
  v && typeof v === 'object' && 'id' in v ? (v as { id: string | number }).id : v

/** Every column of an article belongs to the article's own site. */
const columnsOnSameSite: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const site = idOf(data.site ?? originalDoc?.site)
  const columns = ((data.columns ?? originalDoc?.columns ?? []) as unknown[]).map(idOf)
  if (!columns.length) return data
  const found = await req.payload.find({
    collection: COLUMNS,
    where: { id: { in: columns } },
    depth: 0,
    limit: columns.length,
    req,
  })
  const foreign = found.docs.filter((c) => String(idOf(c.site)) !== String(site))
  if (foreign.length || found.docs.length !== columns.length) {
    throw new APIError(
      `栏目“${foreign.map((c) => c.name).join('、') || '已删除的栏目'}”不属于本站，请重新选择`,
      400,
      null,
      true,
    )
  }
  return data
}

/** The first publication stamps its time, unless the editor set one. */
const stampPublishedAt: CollectionBeforeChangeHook = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) data.publishedAt = new Date().toISOString()
  return data
}

export const Articles: CollectionConfig = {
  slug: ARTICLES,
  labels: { singular: '信息', plural: '信息' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'columns', 'site', '_status', 'publishedAt'],
    group: '内容',
    // The admin list shows a person only their own sites' items (published ones of other
    // sites stay readable through the public API, as on the public site).
    baseListFilter: ({ req }) => {
      const actor = toActor(req.user)
      if (canReadAllSites(actor)) return null
      const sites = readableSites(actor)
      return sites === true ? null : { site: { in: sites } }
    },
  },
  access: {
    read: publishedOrOwnSites(),
    readVersions: versionsOfOwnSites,
    create: createOnOwnSites('articleCreate'),
    update: writeOnOwnSites('article'),
    delete: writeOnOwnSites('articleDelete'),
  },
  versions: { drafts: true, maxPerDoc: 50 },
  hooks: {
    beforeChange: [columnsOnSameSite, stampPublishedAt],
    afterChange: [invalidateArticle],
    afterDelete: [invalidateArticleOnDelete],
  },
  defaultSort: '-publishedAt',
  fields: [
    siteField('article'),
    { name: 'title', label: '标题', type: 'text', required: true, maxLength: 200 },
    {
      name: 'columns',
      label: '所属栏目',
      type: 'relationship',
      relationTo: COLUMNS,
      hasMany: true,
      required: true,
      filterOptions: ({ data }) => (data?.site ? { site: { equals: idOf(data.site) } } : true),
    },
    { name: 'summary', label: '摘要', type: 'textarea', maxLength: 500 },
    { name: 'body', label: '正文', type: 'richText' },
    { name: 'coverImage', label: '题图', type: 'upload', relationTo: MEDIA },
    { name: 'attachments', label: '附件', type: 'upload', relationTo: ATTACHMENTS, hasMany: true },
    {
      type: 'row',
      fields: [
        { name: 'source', label: '来源', type: 'text' },
        { name: 'author', label: '作者', type: 'text' },
      ],
    },
    {
      name: 'publishedAt',
      label: '发布时间',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'docNumber', label: '发文字号', type: 'text', admin: { position: 'sidebar' } },
  ],
}

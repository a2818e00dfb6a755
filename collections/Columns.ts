import { APIError, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'

import { columnPath, columnSlugProblems, UPDATE_CLASSES } from '../src/domain/columns'
import { idOf, sameId } from '../src/domain/ids'
import { anyone, createOnOwnSites, writeOnOwnSites } from './access'
import { siteField } from './fields'
import { invalidateColumn, invalidateColumnOnDelete } from './hooks/invalidate'
import { checkSubscriptions, followSubscriptions, unshareColumn } from './hooks/sharing'
import { COLUMNS } from './slugs'

/** Path from the parent; the parent must be on the same site; the path is unique per site. */
const setPath: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const slug = String(data.slug ?? originalDoc?.slug ?? '')
  const site = idOf(data.site ?? originalDoc?.site)
  const parentId = idOf(data.parent !== undefined ? data.parent : originalDoc?.parent)
  let parentPath: string | null = null
  if (parentId != null) {
    if (originalDoc?.id != null && String(parentId) === String(originalDoc.id))
      throw new APIError('栏目不能以自身为上级栏目', 400, null, true)
    const parent = await req.payload.findByID({
      collection: COLUMNS,
      id: parentId,
      depth: 0,
      req,
    })
    if (!sameId(parent.site, site)) throw new APIError('上级栏目必须属于同一站点', 400, null, true)
    parentPath = parent.path as string
  }
  const problems = columnSlugProblems({ slug, parentPath })
  if (problems.length) throw new APIError(problems.join('；'), 400, null, true)
  const path = columnPath(parentPath, slug)
  const clash = await req.payload.find({
    collection: COLUMNS,
    where: {
      and: [
        { site: { equals: site } },
        { path: { equals: path } },
        ...(originalDoc?.id != null ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    },
    limit: 1,
    depth: 0,
    req,
  })
  if (clash.totalDocs) throw new APIError(`本站已有路径为“${path}”的栏目`, 400, null, true)
  return { ...data, path }
}

export const Columns: CollectionConfig = {
  slug: COLUMNS,
  labels: { singular: '栏目', plural: '栏目' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'path', 'updateClass', 'site'],
    group: '内容',
  },
  access: {
    read: anyone,
    create: createOnOwnSites('column'),
    update: writeOnOwnSites('column'),
    delete: writeOnOwnSites('column'),
  },
  hooks: {
    beforeChange: [setPath, checkSubscriptions],
    afterChange: [invalidateColumn, followSubscriptions],
    beforeDelete: [unshareColumn],
    afterDelete: [invalidateColumnOnDelete],
  },
  defaultSort: 'order',
  fields: [
    siteField('column'),
    { name: 'name', label: '栏目名称', type: 'text', required: true },
    {
      name: 'slug',
      label: '栏目代号',
      type: 'text',
      required: true,
      admin: { description: '用于网址，如 tzgg；小写字母、数字和连字符' },
    },
    {
      name: 'parent',
      label: '上级栏目',
      type: 'relationship',
      relationTo: COLUMNS,
      filterOptions: ({ data }) => (data?.site ? { site: { equals: idOf(data.site) } } : true),
    },
    {
      name: 'path',
      label: '路径',
      type: 'text',
      index: true,
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'updateClass',
      label: '更新类别',
      type: 'select',
      required: true,
      defaultValue: 'news',
      options: Object.entries(UPDATE_CLASSES).map(([value, { label }]) => ({ value, label })),
    },
    {
      type: 'row',
      fields: [
        { name: 'isDisclosure', label: '属于信息公开目录', type: 'checkbox', defaultValue: false },
        { name: 'showOnHome', label: '在首页显示', type: 'checkbox', defaultValue: false },
        { name: 'order', label: '排序', type: 'number', defaultValue: 0 },
      ],
    },
    {
      type: 'collapsible',
      label: '共享与订阅',
      admin: { initCollapsed: true },
      fields: [
        {
          name: 'subscriptions',
          label: '订阅其他站点的栏目',
          type: 'relationship',
          relationTo: COLUMNS,
          hasMany: true,
          index: true,
          filterOptions: ({ data }) =>
            data?.site ? { site: { not_equals: idOf(data.site) } } : true,
          admin: {
            description:
              '这些栏目新发布的稿件自动共享到本栏目（订阅时带入每个栏目最近 100 条已发布稿件），链接到来源站点的原文',
          },
        },
        {
          name: 'shareReview',
          label: '共享稿件需本站审核后显示',
          type: 'checkbox',
          defaultValue: true,
          admin: {
            description:
              '勾选：其他站点推送或订阅来的稿件须由本站站点管理员、审核人或签发人在“共享稿件”中接收后才显示；不勾选：直接显示（仍可拒绝）',
          },
        },
      ],
    },
  ],
}

// 共享稿件: an article of one site shown in a column of another (一次录入、大家共用). The server makes
// each row — an editor's push (the article's 共享到其他站点栏目) or a receiving column's
// subscription — and the receiving site's staff accept or decline it. The article itself stays
// its origin's: nobody on the receiving site can edit it (its access follows its own site).
import type { Access, CollectionConfig, Where } from 'payload'

import { idOf } from '../src/domain/ids'
import { readableSites } from '../src/domain/permissions'
import {
  SHARE_STATUS_LABELS,
  SHARE_STATUSES,
  SHARE_VIA_LABELS,
  SHARE_VIAS,
} from '../src/domain/sharing'
import { afterShareDecision, decideShare } from './hooks/sharing'
import { nobody, serverOwnedFields, toActor, writeOnOwnSites } from './access'
import { ARTICLES, COLUMNS, SHARES, SITES, USERS } from './slugs'

/** The staff of the origin and of the receiving site, and platform staff. */
const readEitherSite: Access = ({ req }) => {
  const sites = readableSites(toActor(req.user))
  if (sites === true) return true
  const either: Where = { or: [{ site: { in: sites } }, { originSite: { in: sites } }] }
  return sites.length ? either : false
}

export const Shares: CollectionConfig = {
  slug: SHARES,
  labels: { singular: '共享稿件', plural: '共享稿件' },
  admin: {
    group: '内容',
    useAsTitle: 'title',
    // 预览: the article as its origin shows it (staff read a published one; a draft only its own).
    preview: (doc) => (doc?.article ? `/preview/articles/${String(idOf(doc.article))}` : null),
    defaultColumns: ['title', 'originSite', 'column', 'status', 'via', 'createdAt'],
    description:
      '其他站点共享到本站栏目的稿件（和本站共享出去的稿件）。接收后在本站栏目列表和首页中显示，链接到来源站点的原文；拒绝时须填写理由。稿件内容只能由来源站点修改。',
  },
  access: {
    read: readEitherSite,
    create: nobody,
    update: writeOnOwnSites('shareDecision'),
    delete: nobody,
  },
  hooks: {
    beforeChange: [decideShare],
    afterChange: [afterShareDecision],
  },
  defaultSort: '-createdAt',
  fields: serverOwnedFields(SHARES, [
    // article + receiving column: one row per placement, even when two saves race.
    { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'title', label: '标题', type: 'text', required: true, admin: { readOnly: true } },
    {
      name: 'article',
      label: '稿件',
      type: 'relationship',
      relationTo: ARTICLES,
      required: true,
      index: true,
      admin: { readOnly: true },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'originSite',
          label: '来源站点',
          type: 'relationship',
          relationTo: SITES,
          required: true,
          index: true,
          admin: { readOnly: true },
        },
        {
          name: 'site',
          label: '接收站点',
          type: 'relationship',
          relationTo: SITES,
          required: true,
          index: true,
          admin: { readOnly: true },
        },
        {
          name: 'column',
          label: '接收栏目',
          type: 'relationship',
          relationTo: COLUMNS,
          required: true,
          index: true,
          admin: { readOnly: true },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'via',
          label: '共享方式',
          type: 'select',
          required: true,
          options: SHARE_VIAS.map((value) => ({ value, label: SHARE_VIA_LABELS[value] })),
          admin: { readOnly: true },
        },
        {
          name: 'sourceColumn',
          label: '订阅的来源栏目',
          type: 'relationship',
          relationTo: COLUMNS,
          index: true,
          admin: { readOnly: true, condition: (data) => data?.via === 'subscription' },
        },
      ],
    },
    {
      name: 'status',
      label: '接收状态',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: SHARE_STATUSES.map((value) => ({ value, label: SHARE_STATUS_LABELS[value] })),
      admin: {
        description: '接收后在本站栏目中显示；拒绝后不显示，来源站点再次推送也不会重新出现',
      },
    },
    {
      name: 'declineReason',
      label: '拒绝理由',
      type: 'textarea',
      maxLength: 500,
      admin: { condition: (data) => data?.status === 'declined' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'decidedBy',
          label: '处理人',
          type: 'relationship',
          relationTo: USERS,
          admin: { readOnly: true },
        },
        {
          name: 'decidedAt',
          label: '处理时间',
          type: 'date',
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
  ]),
}

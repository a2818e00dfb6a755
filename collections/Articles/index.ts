import type { CollectionConfig } from 'payload'

import { canReadAllSites, readableSites } from '../../src/domain/permissions'
import {
  createOnOwnSites,
  publishedOrOwnSites,
  serverOwnedFields,
  toActor,
  versionsOfOwnSites,
  writeOnOwnSites,
} from '../access'
import { indexArticle, unindexArticle } from '../hooks/search'
import { checkShareTargets, shareArticle, shareToOnMove, unshareArticle } from '../hooks/sharing'
import { siteField } from '../fields'
import { invalidateArticle, invalidateArticleOnDelete } from '../hooks/invalidate'
import {
  ARTICLES,
  ATTACHMENTS,
  COLUMNS,
  DISCLOSURE_GENRES,
  DISCLOSURE_TOPICS,
  ERROR_REPORTS,
  MEDIA,
  NUMBERING_SERIES,
  SHARES,
  SITES,
} from '../slugs'
import {
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_MODES,
  VALIDITY_LABELS,
  VALIDITY_STATES,
} from '../../src/domain/disclosure'
import { idOf } from '../../src/domain/ids'
import { STATE_LABELS, STATES } from '../../src/domain/workflow'
import { auditChange } from '../hooks/audit'
import { endpoints } from './endpoints'
import { columnsOnSameSite, linksMarked, validityMarked } from './checks'
import { afterMove, enforceWorkflow, guardEmergencyReview } from './hooks'

/** Marks a field signing will require (src/domain/workflow.ts signingNeeds), on the editor's form. */
const SIGNING_REQUIRED = '签发必填：未填写时不能签发'

export const Articles: CollectionConfig = {
  slug: ARTICLES,
  labels: { singular: '信息', plural: '信息' },
  admin: {
    useAsTitle: 'title',
    // 预览: the article with its site's real template, for staff (src/server/public/preview.ts).
    preview: (doc) => (doc?.id ? `/preview/articles/${doc.id}` : null),
    defaultColumns: ['title', 'state', 'columns', 'site', 'signedAt', 'publishedAt'],
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
  endpoints,
  access: {
    read: publishedOrOwnSites(),
    readVersions: versionsOfOwnSites,
    create: createOnOwnSites('articleCreate'),
    update: writeOnOwnSites('article'),
    delete: writeOnOwnSites('articleDelete'),
  },
  // No Payload drafts: `state` is the one truth about where an article is. Versions keep the
  // history; restoring one makes a draft (enforceWorkflow).
  versions: { drafts: false, maxPerDoc: 50 },
  hooks: {
    beforeValidate: [shareToOnMove],
    beforeChange: [
      columnsOnSameSite,
      checkShareTargets,
      validityMarked,
      linksMarked,
      guardEmergencyReview,
      enforceWorkflow,
    ],
    afterChange: [invalidateArticle, afterMove, indexArticle, shareArticle, auditChange(ARTICLES)],
    beforeDelete: [unshareArticle],
    afterDelete: [invalidateArticleOnDelete, unindexArticle],
  },
  defaultSort: '-publishedAt',
  // The workflow's own fields (src/domain/server-owned) are written by the server only.
  fields: serverOwnedFields(ARTICLES, [
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
    {
      name: 'shareTo',
      label: '共享到其他站点栏目',
      type: 'relationship',
      relationTo: COLUMNS,
      hasMany: true,
      filterOptions: ({ data }) => (data?.site ? { site: { not_equals: idOf(data.site) } } : true),
      admin: {
        description:
          '一次录入、多站显示：稿件只在本站有一个页面，对方栏目列表链接到这里；对方站点接收后显示，撤回或下线后各站同时消失',
      },
    },
    {
      name: 'shareRows',
      label: '共享情况',
      type: 'join',
      collection: SHARES,
      on: 'article',
      defaultLimit: 20,
      admin: {
        defaultColumns: ['column', 'site', 'status', 'declineReason', 'decidedAt'],
        condition: (data) => Boolean(data?.id),
      },
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
      type: 'collapsible',
      label: '公开属性与文号',
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'disclosureMode',
              label: '公开方式',
              type: 'select',
              defaultValue: 'proactive',
              options: DISCLOSURE_MODES.map((value) => ({
                value,
                label: DISCLOSURE_MODE_LABELS[value],
              })),
              admin: { description: SIGNING_REQUIRED },
            },
            {
              name: 'issuingOrgan',
              label: '发文机关',
              type: 'text',
              admin: { description: SIGNING_REQUIRED },
            },
            {
              name: 'dateFormed',
              label: '成文日期',
              type: 'date',
              admin: {
                description: SIGNING_REQUIRED,
                date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy年M月d日' },
              },
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'topic',
              label: '主题分类',
              type: 'relationship',
              relationTo: DISCLOSURE_TOPICS,
            },
            {
              name: 'genre',
              label: '体裁分类',
              type: 'relationship',
              relationTo: DISCLOSURE_GENRES,
            },
            {
              name: 'documentKind',
              label: '文件类别',
              type: 'select',
              options: [
                { value: 'rule', label: '规章' },
                { value: 'normative', label: '行政规范性文件' },
              ],
              admin: { description: '规章和行政规范性文件标注有效性，计入年度报告表二' },
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'validity',
              label: '有效性',
              type: 'select',
              options: VALIDITY_STATES.map((value) => ({ value, label: VALIDITY_LABELS[value] })),
            },
            {
              name: 'validityChangedOn',
              label: '修改、废止或失效日期',
              type: 'date',
              admin: {
                date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy年M月d日' },
                condition: (data) => Boolean(data?.validity && data.validity !== 'in-force'),
              },
            },
            {
              name: 'validityChangedBy',
              label: '修改或废止它的文件',
              type: 'relationship',
              relationTo: ARTICLES,
              admin: {
                condition: (data) => data?.validity === 'amended' || data?.validity === 'repealed',
              },
            },
          ],
        },
        {
          name: 'disclosureReason',
          label: '不主动公开的理由',
          type: 'textarea',
          admin: {
            condition: (data) =>
              Boolean(data?.disclosureMode && data.disclosureMode !== 'proactive'),
          },
        },
        {
          type: 'row',
          fields: [
            {
              name: 'numberingSeries',
              label: '文号序列',
              type: 'relationship',
              relationTo: NUMBERING_SERIES,
              filterOptions: ({ data }) =>
                data?.site ? { site: { equals: idOf(data.site) } } : true,
              admin: { description: '签发时按序列自动取号；纸质文件可直接填写发文字号' },
            },
            {
              name: 'docNumber',
              label: '发文字号',
              type: 'text',
              index: true,
              // A number belongs to one document; the copy gets its own when signed.
              hooks: { beforeDuplicate: [() => null] },
              admin: { description: '如“青政发〔2026〕12号”' },
            },
            {
              name: 'indexNumber',
              label: '索引号',
              type: 'text',
              unique: true,
              admin: { readOnly: true, description: '签发时自动生成' },
            },
          ],
        },
      ],
    },
    {
      name: 'workflowPanel',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/src/admin/WorkflowPanel#WorkflowPanel' },
      },
    },
    {
      name: 'state',
      label: '流程状态',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: STATES.map((value) => ({ value, label: STATE_LABELS[value] })),
      admin: { position: 'sidebar', readOnly: true },
      // A copy starts its own workflow.
      hooks: { beforeDuplicate: [() => 'draft'] },
    },
    { name: 'workflowMove', type: 'text', virtual: true, admin: { hidden: true } },
    { name: 'workflowReason', type: 'text', virtual: true, admin: { hidden: true } },
    {
      name: 'scheduledAt',
      label: '定时发布时间',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'unpublishAt',
      label: '定时下线时间',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'signedAt',
      label: '签发时间',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'publishedAt',
      label: '发布时间',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'checksConfirmed',
      label: '已确认文中个人信息可以公开',
      type: 'checkbox',
      admin: { position: 'sidebar' },
    },
    {
      type: 'collapsible',
      label: '流程记录',
      admin: { initCollapsed: true },
      fields: [
        {
          name: 'submittedBy',
          label: '提交人',
          type: 'relationship',
          relationTo: 'users',
          admin: { readOnly: true },
        },
        { name: 'submittedAt', label: '提交时间', type: 'date', admin: { readOnly: true } },
        { name: 'returnReason', label: '退回理由', type: 'textarea', admin: { readOnly: true } },
        { name: 'withdrawnReason', label: '撤回理由', type: 'textarea', admin: { readOnly: true } },
        { name: 'withdrawnAt', label: '撤回时间', type: 'date', admin: { readOnly: true } },
        {
          name: 'unpublishedReason',
          label: '下线说明',
          type: 'textarea',
          admin: { readOnly: true },
        },
        { name: 'unpublishedAt', label: '下线时间', type: 'date', admin: { readOnly: true } },
        {
          name: 'replacement',
          label: '替代信息（下线后跳转）',
          type: 'relationship',
          relationTo: ARTICLES,
        },
        { name: 'emergency', label: '紧急发布', type: 'checkbox', admin: { readOnly: true } },
        {
          name: 'emergencyReason',
          label: '紧急发布理由',
          type: 'textarea',
          admin: { readOnly: true },
        },
        {
          name: 'hasLinks',
          label: '正文含链接',
          type: 'checkbox',
          index: true,
          admin: { hidden: true },
        },
        {
          name: 'sharedInto',
          label: '已共享到的栏目',
          type: 'relationship',
          relationTo: COLUMNS,
          hasMany: true,
          index: true,
          admin: { readOnly: true, description: '其他站点已接收的栏目（由共享稿件自动维护）' },
        },
        {
          name: 'sharedSites',
          label: '已共享到的站点',
          type: 'relationship',
          relationTo: SITES,
          hasMany: true,
          admin: { hidden: true },
        },
        {
          name: 'emergencyReviewedAt',
          label: '紧急发布复核时间',
          type: 'date',
          admin: { condition: (data) => Boolean(data?.emergency) },
        },
        {
          name: 'history',
          label: '流转记录',
          labels: { singular: '流转', plural: '流转记录' },
          type: 'array',
          admin: {
            readOnly: true,
            initCollapsed: true,
            components: { RowLabel: '/src/admin/RowLabels#HistoryRowLabel' },
          },
          fields: [
            {
              name: 'at',
              label: '时间',
              type: 'date',
              admin: { date: { pickerAppearance: 'dayAndTime' } },
            },
            { name: 'by', label: '办理人', type: 'relationship', relationTo: 'users' },
            { name: 'byName', label: '办理人姓名', type: 'text' },
            { name: 'move', label: '操作', type: 'text' },
            { name: 'from', label: '原状态', type: 'text' },
            { name: 'to', label: '新状态', type: 'text' },
            { name: 'reason', label: '理由', type: 'text' },
          ],
        },
      ],
    },
    {
      name: 'errorReports',
      label: '读者纠错',
      type: 'join',
      collection: ERROR_REPORTS,
      on: 'article',
      defaultSort: '-receivedAt',
      admin: {
        description: '读者通过“我要纠错”报告的本页错误（仅办理人员可见）',
        defaultColumns: ['type', 'status', 'receivedAt', 'dueDate'],
      },
    },
  ]),
}

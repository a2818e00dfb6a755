// 我要纠错: readers' reports of errors on a site's pages (config and adapters only; the rules are
// src/domain/error-reports.ts, the use case src/services/error-report-change.ts).
import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
} from 'payload'

import {
  ERROR_TYPE_LABELS,
  ERROR_TYPES,
  REPORT_OUTCOMES,
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
} from '../src/domain/error-reports'
import { idOf } from '../src/domain/ids'
import {
  changeErrorReport,
  notifyReportChange,
  REPORT_STEP_INPUTS,
} from '../src/services/error-report-change'
import { createOnOwnSites, nobody, serverOwnedFields, writeOnOwnSites } from './access'
import { requestListFilter, requestReaders } from './DisclosureRequests/access'
import { auditPersonalDataView } from './DisclosureRequests/hooks'
import { siteField } from './fields'
import { invalidateFeedback } from './hooks/invalidate'
import { refuse } from './refuse'
import { ARTICLES, ERROR_REPORTS, USERS } from './slugs'

const applyReportRules: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const outcome = await changeErrorReport(req, {
    data,
    original: originalDoc ?? {},
    operation: operation === 'create' ? 'create' : 'update',
    by: req.user ? idOf(req.user) : undefined,
    now: new Date(),
    trusted: Boolean(req.context.reportService),
  })
  if ('refusal' in outcome) return refuse(ERROR_REPORTS, outcome.refusal)
  Object.assign(data, outcome.patch)
  for (const k of REPORT_STEP_INPUTS) delete data[k]
  return data
}

const afterReportChange: CollectionAfterChangeHook = ({ doc, previousDoc, operation, req }) => {
  if (!req.context.seeding)
    notifyReportChange(req, {
      doc,
      previous: previousDoc,
      operation: operation === 'create' ? 'create' : 'update',
    })
  return doc
}

const day = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'yyyy年M月d日' } }

export const ErrorReports: CollectionConfig = {
  slug: ERROR_REPORTS,
  labels: { singular: '纠错', plural: '我要纠错' },
  admin: {
    useAsTitle: 'url',
    defaultColumns: ['url', 'type', 'status', 'receivedAt', 'dueDate', 'site'],
    group: '互动',
    description: '读者对网页错误的报告。核实后选择处理结果并填写答复，保存后答复即可查询。',
    baseListFilter: requestListFilter,
  },
  access: {
    // The reporter's contact is personal data: the site's handlers and admins, platform staff.
    read: requestReaders,
    // The public reports through /jiucuo (CAPTCHA, CSRF, limits); handlers register phone calls.
    create: createOnOwnSites('errorReport'),
    update: writeOnOwnSites('errorReport'),
    // Reports are never deleted: one that is no error is answered so.
    delete: nobody,
  },
  hooks: {
    beforeChange: [applyReportRules],
    afterChange: [afterReportChange, invalidateFeedback],
    afterRead: [auditPersonalDataView(ERROR_REPORTS)],
  },
  defaultSort: '-receivedAt',
  fields: serverOwnedFields(ERROR_REPORTS, [
    siteField('errorReport'),
    {
      name: 'url',
      label: '出错页面地址',
      type: 'text',
      required: true,
      maxLength: 500,
    },
    {
      name: 'article',
      label: '对应文章',
      type: 'relationship',
      relationTo: ARTICLES,
      index: true,
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'type',
      label: '错误类型',
      type: 'select',
      required: true,
      defaultValue: 'other',
      options: ERROR_TYPES.map((value) => ({ value, label: ERROR_TYPE_LABELS[value] })),
    },
    { name: 'description', label: '错误描述', type: 'textarea', required: true, maxLength: 1000 },
    {
      type: 'row',
      fields: [
        { name: 'contact', label: '联系方式（仅办理人员可见）', type: 'text', maxLength: 100 },
        { name: 'email', label: '答复邮箱', type: 'email' },
      ],
    },
    {
      name: 'queryCode',
      label: '查询码',
      type: 'text',
      unique: true,
      index: true,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'idempotencyKey', type: 'text', unique: true, index: true, admin: { hidden: true } },
    {
      name: 'status',
      label: '处理状态',
      type: 'select',
      required: true,
      defaultValue: 'received',
      index: true,
      options: REPORT_STATUSES.map((value) => ({ value, label: REPORT_STATUS_LABELS[value] })),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'receivedAt',
      label: '收到日期',
      type: 'date',
      required: true,
      index: true,
      defaultValue: () => new Date().toISOString(),
      admin: { readOnly: true, position: 'sidebar', ...day },
    },
    {
      name: 'dueDate',
      label: '答复期限',
      type: 'date',
      index: true,
      admin: { readOnly: true, position: 'sidebar', ...day },
    },
    {
      type: 'collapsible',
      label: '处理',
      fields: [
        {
          name: 'outcome',
          label: '处理结果',
          type: 'select',
          virtual: true,
          options: REPORT_OUTCOMES.map((value) => ({ value, label: REPORT_STATUS_LABELS[value] })),
          admin: { readOnly: false, description: '选择处理结果并填写答复后保存；答复后不能修改' },
        },
        {
          name: 'reply',
          label: '答复（纠错人可见）',
          type: 'textarea',
          maxLength: 1000,
        },
        {
          type: 'row',
          fields: [
            { name: 'answeredAt', label: '答复时间', type: 'date', admin: { readOnly: true } },
            {
              name: 'answeredBy',
              label: '答复人',
              type: 'relationship',
              relationTo: USERS,
              admin: { readOnly: true },
            },
          ],
        },
      ],
    },
  ]),
}

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
import { serverOwnedFields } from './access'
import { caseAccess, requestListFilter } from './DisclosureRequests/access'
import { auditPersonalDataView } from './DisclosureRequests/hooks'
import {
  caseCodeField,
  caseStatusField,
  deadlineField,
  idempotencyKeyField,
  receivedAtField,
  selectOptions,
  siteField,
  staffOfStepField,
} from './fields'
import { invalidateFeedback } from './hooks/invalidate'
import { refuse } from './refuse'
import { ARTICLES, ERROR_REPORTS } from './slugs'

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
  // The reporter's contact is personal data: the site's handlers and admins, platform staff. The
  // public reports through /jiucuo (CAPTCHA, CSRF, limits); handlers register phone calls.
  // Reports are never deleted: one that is no error is answered so.
  access: caseAccess('errorReport'),
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
      options: selectOptions(ERROR_TYPES, ERROR_TYPE_LABELS),
    },
    { name: 'description', label: '错误描述', type: 'textarea', required: true, maxLength: 1000 },
    {
      type: 'row',
      fields: [
        { name: 'contact', label: '联系方式（仅办理人员可见）', type: 'text', maxLength: 100 },
        { name: 'email', label: '答复邮箱', type: 'email' },
      ],
    },
    caseCodeField('queryCode', '查询码'),
    idempotencyKeyField(),
    caseStatusField({
      label: '处理状态',
      defaultValue: 'received',
      options: selectOptions(REPORT_STATUSES, REPORT_STATUS_LABELS),
    }),
    receivedAtField({ label: '收到日期', readOnly: true }),
    deadlineField('dueDate', '答复期限'),
    {
      type: 'collapsible',
      label: '处理',
      fields: [
        {
          name: 'outcome',
          label: '处理结果',
          type: 'select',
          virtual: true,
          options: selectOptions(REPORT_OUTCOMES, REPORT_STATUS_LABELS),
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
            staffOfStepField('answeredBy', '答复人'),
          ],
        },
      ],
    },
  ]),
}

// 领导信箱: the letters the public writes, handled by steps on the working-day clock (config only;
// the rules are src/domain/letters.ts, the use case src/services/letter-step.ts).
import type { CollectionConfig } from 'payload'

import { indexLetter, unindexLetter } from '../hooks/search'
import {
  LETTER_CATEGORIES,
  LETTER_CATEGORY_LABELS,
  LETTER_STATUS_LABELS,
  LETTER_STATUSES,
  LETTER_STEP_KINDS,
  LETTER_STEP_LABELS,
  RATING_LABELS,
  RATINGS,
  REJECT_REASON_LABELS,
  REJECT_REASONS,
  RESOLVED_ANSWERS,
  RESOLVED_LABELS,
} from '../../src/domain/letters'
import { WRITER_TITLE_LABELS, WRITER_TITLES } from '../../src/domain/letter-form'
import { serverOwnedFields } from '../access'
import { caseAccess, requestListFilter } from '../DisclosureRequests/access'
import { auditPersonalDataView } from '../DisclosureRequests/hooks'
import {
  caseCodeField,
  caseStatusField,
  deadlineField,
  idempotencyKeyField,
  receivedAtField,
  selectOptions as options,
  siteField,
  staffOfStepField,
  stepField,
  stepInternalField,
  stepOnly,
  timelineField,
} from '../fields'
import { LETTERS, MAILBOXES, REQUEST_FILES, SITES } from '../slugs'
import { invalidateFeedback } from '../hooks/invalidate'
import { afterLetterChange, applyLetterRules } from './hooks'

export const Letters: CollectionConfig = {
  slug: LETTERS,
  labels: { singular: '来信', plural: '领导信箱来信' },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['number', 'subject', 'status', 'receivedAt', 'answerDueDate', 'site'],
    group: '互动',
    description: '公众来信。办理请在“办理”中选择步骤并保存；受理、答复期限按工作日自动计算。',
    baseListFilter: requestListFilter,
  },
  // Writers' personal data: the site's handlers and admins, and platform staff. The public writes
  // through the site's form (CAPTCHA, CSRF, limits); handlers register letters that arrive on
  // paper or by phone. Letters are never deleted: an invalid one is closed with a reason (不予受理).
  access: caseAccess('letter'),
  hooks: {
    beforeChange: [applyLetterRules],
    afterChange: [afterLetterChange, invalidateFeedback, indexLetter],
    afterDelete: [unindexLetter],
    afterRead: [auditPersonalDataView(LETTERS)],
  },
  defaultSort: '-receivedAt',
  fields: serverOwnedFields(LETTERS, [
    siteField('letter'),
    {
      name: 'mailbox',
      label: '信箱',
      type: 'relationship',
      relationTo: MAILBOXES,
      required: true,
      index: true,
      admin: { position: 'sidebar' },
      filterOptions: ({ siblingData }) => {
        const site = (siblingData as { site?: unknown })?.site
        return site != null ? { site: { equals: site } } : true
      },
    },
    caseCodeField('number', '信件编号'),
    caseCodeField('queryCode', '查询码'),
    idempotencyKeyField(),
    caseStatusField({
      label: '办理状态',
      defaultValue: 'submitted',
      options: options(LETTER_STATUSES, LETTER_STATUS_LABELS),
    }),
    receivedAtField({
      label: '收信日期',
      description: '网上来信为提交当日；纸质、电话来信为实际收到之日',
    }),
    deadlineField('acceptDueDate', '受理期限'),
    deadlineField('answerDueDate', '答复期限'),
    deadlineField('vetoDate', '三个月期满日'),
    deadlineField('followUpDueDate', '差评跟进期限'),
    { name: 'dueExplanation', label: '期限计算说明', type: 'json', admin: { readOnly: true } },
    {
      name: 'firstSite',
      label: '最初收信网站',
      type: 'relationship',
      relationTo: SITES,
      index: true,
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'channel',
      label: '来信渠道',
      type: 'select',
      required: true,
      defaultValue: 'letter',
      options: [
        { value: 'web', label: '网上来信' },
        { value: 'letter', label: '纸质信件' },
        { value: 'phone', label: '电话' },
        { value: 'visit', label: '来访' },
      ],
    },
    {
      type: 'collapsible',
      label: '来信',
      fields: [
        { name: 'subject', label: '标题', type: 'text', required: true, maxLength: 100 },
        {
          name: 'category',
          label: '类别',
          type: 'select',
          required: true,
          defaultValue: 'consult',
          options: options(LETTER_CATEGORIES, LETTER_CATEGORY_LABELS),
        },
        { name: 'content', label: '内容', type: 'textarea', required: true, maxLength: 4000 },
        {
          name: 'attachments',
          label: '附件',
          type: 'upload',
          relationTo: REQUEST_FILES,
          hasMany: true,
        },
      ],
    },
    {
      type: 'collapsible',
      label: '来信人（个人信息，仅办理人员可见）',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'writerName', label: '姓名', type: 'text', required: true, maxLength: 50 },
            {
              name: 'writerTitle',
              label: '称呼',
              type: 'select',
              defaultValue: 'none',
              options: options(WRITER_TITLES, WRITER_TITLE_LABELS),
            },
            { name: 'phone', label: '手机号码', type: 'text', maxLength: 30 },
            { name: 'email', label: '电子邮箱', type: 'email' },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'consentPersonalData',
              label: '同意使用个人信息办理来信',
              type: 'checkbox',
              defaultValue: true,
            },
            {
              name: 'consentPublish',
              label: '同意公开来信及答复（隐去个人信息）',
              type: 'checkbox',
              defaultValue: false,
            },
          ],
        },
      ],
    },
    {
      type: 'collapsible',
      label: '办理',
      fields: [
        stepField(options(LETTER_STEP_KINDS, LETTER_STEP_LABELS)),
        {
          name: 'stepReason',
          label: '不予受理的理由',
          type: 'select',
          virtual: true,
          options: options(REJECT_REASONS, REJECT_REASON_LABELS),
          admin: stepOnly((s) => s === 'reject'),
        },
        {
          name: 'transferTo',
          label: '转至信箱',
          type: 'relationship',
          relationTo: MAILBOXES,
          virtual: true,
          admin: stepOnly((s) => s === 'transfer'),
        },
        {
          name: 'stepDays',
          label: '延期工作日数',
          type: 'number',
          virtual: true,
          admin: stepOnly((s) => s === 'extend'),
        },
        {
          name: 'stepNote',
          label: '说明（来信人可见）',
          type: 'textarea',
          virtual: true,
          admin: stepOnly((s) =>
            ['reject', 'transfer', 'extend', 'return-answer', 'follow-up'].includes(s),
          ),
        },
        stepInternalField('来信人'),
        {
          name: 'answer',
          label: '答复内容',
          type: 'textarea',
          maxLength: 4000,
          admin: { description: '选择“答复”步骤时填写；公开时电话、身份证号、邮箱自动隐去' },
        },
        { name: 'answerFile', label: '答复附件', type: 'upload', relationTo: REQUEST_FILES },
        {
          type: 'row',
          fields: [
            { name: 'acceptedAt', label: '受理时间', type: 'date', admin: { readOnly: true } },
            {
              name: 'answeredAt',
              label: '答复时间',
              type: 'date',
              index: true,
              admin: { readOnly: true },
            },
            { name: 'closedAt', label: '办结时间', type: 'date', admin: { readOnly: true } },
          ],
        },
        {
          type: 'row',
          fields: [
            staffOfStepField('answeredBy', '答复人'),
            staffOfStepField('approvedBy', '审核人'),
            { name: 'approvedAt', label: '审核时间', type: 'date', admin: { readOnly: true } },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'rejectReason',
              label: '不予受理理由',
              type: 'select',
              options: options(REJECT_REASONS, REJECT_REASON_LABELS),
              admin: { readOnly: true },
            },
            {
              name: 'rejectNote',
              label: '不予受理说明',
              type: 'textarea',
              admin: { readOnly: true },
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'extensionDays',
              label: '已延期（工作日）',
              type: 'number',
              defaultValue: 0,
              admin: { readOnly: true },
            },
            { name: 'extensionReason', label: '延期理由', type: 'text', admin: { readOnly: true } },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'published',
              label: '已公开',
              type: 'checkbox',
              defaultValue: false,
              index: true,
              admin: { readOnly: true },
            },
            {
              name: 'publishedAt',
              label: '公开时间',
              type: 'date',
              index: true,
              admin: { readOnly: true },
            },
          ],
        },
        {
          name: 'transfers',
          label: '转办记录',
          labels: { singular: '转办', plural: '转办' },
          type: 'array',
          admin: { readOnly: true, initCollapsed: true },
          fields: [
            { name: 'from', label: '转出网站', type: 'relationship', relationTo: SITES },
            { name: 'to', label: '转入网站', type: 'relationship', relationTo: SITES },
            { name: 'at', label: '时间', type: 'date' },
            { name: 'note', label: '说明', type: 'text' },
          ],
        },
        timelineField({ label: '办理过程', citizen: '来信人' }),
      ],
    },
    {
      type: 'collapsible',
      label: '评价与差评跟进',
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'rating',
              label: '满意度',
              type: 'select',
              index: true,
              options: options(RATINGS, RATING_LABELS),
              admin: { readOnly: true },
            },
            {
              name: 'resolved',
              label: '问题是否解决',
              type: 'select',
              options: options(RESOLVED_ANSWERS, RESOLVED_LABELS),
              admin: { readOnly: true },
            },
            { name: 'ratedAt', label: '评价时间', type: 'date', admin: { readOnly: true } },
          ],
        },
        { name: 'ratingComment', label: '评价意见', type: 'textarea', admin: { readOnly: true } },
        {
          name: 'followUpAnswer',
          label: '差评跟进情况',
          type: 'textarea',
          admin: { readOnly: true },
        },
        { name: 'followUpAt', label: '跟进时间', type: 'date', admin: { readOnly: true } },
      ],
    },
  ]),
}

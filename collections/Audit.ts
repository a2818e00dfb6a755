// The audit trail (append-only, hash-chained; written by src/services/audit.ts), the log of
// reminders sent, and the platform's pre-publication check lists.
import type { CollectionConfig, GlobalConfig } from 'payload'

import { isPlatformAdminAccess, readAsSiteAdmin, readOwnSites, serverWritten } from './access'
import { momentField, siteOfRecordField } from './fields'
import { AUDIT_EVENTS, NOTIFICATIONS, PUBLISHING_CHECKS } from './slugs'

export const AuditEvents: CollectionConfig = {
  slug: AUDIT_EVENTS,
  labels: { singular: '审计事件', plural: '审计日志' },
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['seq', 'at', 'userEmail', 'action', 'target', 'outcome', 'site'],
    group: '平台',
    description:
      '只增不改：每条事件记录前一条的哈希，`npm run audit:verify` 可检出任何修改或删除。',
  },
  // Nobody edits or deletes events, through the admin or the API; only the service appends.
  // Platform staff read every event; a site admin reads the events of their sites.
  access: serverWritten(readAsSiteAdmin),
  defaultSort: '-seq',
  timestamps: false,
  fields: [
    { name: 'seq', label: '序号', type: 'number', required: true, unique: true },
    momentField('at', '时间'),
    { name: 'user', label: '用户ID', type: 'text', index: true },
    { name: 'userEmail', label: '用户', type: 'text' },
    siteOfRecordField({ required: false }),
    { name: 'action', label: '操作', type: 'text', required: true, index: true },
    { name: 'target', label: '对象', type: 'text', index: true },
    {
      name: 'outcome',
      label: '结果',
      type: 'select',
      required: true,
      options: [
        { label: '成功', value: 'success' },
        { label: '失败', value: 'failure' },
      ],
    },
    { name: 'detail', label: '详情', type: 'json' },
    { name: 'prevHash', label: '前序哈希', type: 'text', required: true },
    { name: 'hash', label: '哈希', type: 'text', required: true },
  ],
}

export const Notifications: CollectionConfig = {
  slug: NOTIFICATIONS,
  labels: { singular: '提醒', plural: '提醒记录' },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['sentAt', 'kind', 'subject', 'recipients', 'site'],
    group: '发布',
  },
  access: serverWritten(readOwnSites),
  defaultSort: '-sentAt',
  fields: [
    // One reminder per item and stage: the unique key makes sending idempotent across nodes.
    { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
    siteOfRecordField({ required: false }),
    { name: 'kind', label: '类别', type: 'text', required: true },
    { name: 'subject', label: '标题', type: 'text' },
    { name: 'recipients', label: '收件人', type: 'text' },
    { name: 'target', label: '对象', type: 'text', index: true },
    { name: 'sentAt', label: '时间', type: 'date', required: true },
  ],
}

export const PublishingChecks: GlobalConfig = {
  slug: PUBLISHING_CHECKS,
  label: '发布前检查词表',
  admin: { group: '平台' },
  access: { read: ({ req }) => Boolean(req.user), update: isPlatformAdminAccess },
  fields: [
    {
      name: 'sensitiveWords',
      label: '敏感词（命中即禁止发布）',
      type: 'textarea',
      admin: { description: '每行一个，或用逗号、顿号分隔' },
    },
    {
      name: 'leaderNames',
      label: '领导姓名（疑似写错时提醒）',
      type: 'textarea',
      admin: { description: '每行一个正确姓名' },
    },
  ],
}

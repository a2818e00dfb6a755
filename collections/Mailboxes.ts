// 领导信箱: a site's mailboxes — a leader (name, title, photo) or the department itself — with
// their deadlines as settings. Public to read; a site's admins keep them.
import type { CollectionConfig } from 'payload'

import {
  DEFAULT_ACCEPT_DAYS,
  DEFAULT_ANSWER_DAYS,
  DEFAULT_MAX_EXTENSION_DAYS,
} from '../src/domain/letters'
import { anyone, createOnOwnSites, nobody, writeOnOwnSites } from './access'
import { siteField } from './fields'
import { MAILBOXES, MEDIA } from './slugs'

/** Addresses under /hdjl/ that are pages of their own. */
const RESERVED_SLUGS = ['track', 'tj', 'write']

const days = (name: string, label: string, defaultValue: number, max: number) => ({
  name,
  label,
  type: 'number' as const,
  required: true,
  defaultValue,
  min: 1,
  max,
  admin: { step: 1, description: '工作日，自收信次日起计算' },
})

export const Mailboxes: CollectionConfig = {
  slug: MAILBOXES,
  labels: { singular: '信箱', plural: '信箱' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'open', 'site'],
    group: '互动',
    description: '领导信箱与部门信箱：公众在网站“互动交流”栏目写信，办理期限按工作日计算。',
  },
  access: {
    read: anyone,
    create: createOnOwnSites('mailbox'),
    update: writeOnOwnSites('mailbox'),
    // Letters keep their mailbox: a mailbox is closed, never deleted.
    delete: nobody,
  },
  defaultSort: 'order',
  fields: [
    siteField('mailbox'),
    { name: 'name', label: '信箱名称', type: 'text', required: true, maxLength: 40 },
    {
      name: 'slug',
      label: '网址标识',
      type: 'text',
      required: true,
      index: true,
      admin: { description: '小写字母、数字和连字符，如 mayor；信箱地址为 /hdjl/<标识>/' },
      validate: (v: unknown) =>
        typeof v !== 'string' || !/^[a-z0-9][a-z0-9-]{0,39}$/.test(v)
          ? '网址标识只能使用小写字母、数字和连字符，且以字母或数字开头'
          : RESERVED_SLUGS.includes(v)
            ? `“${v}”是系统保留的地址，请换一个网址标识`
            : true,
    },
    {
      name: 'kind',
      label: '收信人',
      type: 'select',
      required: true,
      defaultValue: 'leader',
      options: [
        { value: 'leader', label: '领导' },
        { value: 'department', label: '部门' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'leaderName', label: '领导姓名', type: 'text', maxLength: 20 },
        { name: 'leaderTitle', label: '领导职务', type: 'text', maxLength: 40 },
      ],
      admin: { condition: (_: unknown, s: Record<string, unknown>) => s?.kind === 'leader' },
    },
    {
      name: 'photo',
      label: '领导照片',
      type: 'upload',
      relationTo: MEDIA,
      admin: { condition: (_: unknown, s: Record<string, unknown>) => s?.kind === 'leader' },
    },
    { name: 'intro', label: '信箱说明', type: 'textarea', maxLength: 1000 },
    {
      name: 'open',
      label: '接收来信',
      type: 'checkbox',
      defaultValue: true,
      admin: { description: '关闭后公众不能写信，已收到的来信照常办理、已公开的来信照常显示' },
    },
    { name: 'order', label: '排序', type: 'number', defaultValue: 0 },
    {
      type: 'collapsible',
      label: '办理期限',
      fields: [
        days('acceptDays', '受理期限（工作日）', DEFAULT_ACCEPT_DAYS, 15),
        days('answerDays', '答复期限（工作日）', DEFAULT_ANSWER_DAYS, 60),
        days(
          'maxExtensionDays',
          '可延期的最长期限（工作日，限一次）',
          DEFAULT_MAX_EXTENSION_DAYS,
          30,
        ),
      ],
    },
  ],
}

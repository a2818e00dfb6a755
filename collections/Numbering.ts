// Numbering series (文号序列), every number ever taken (number assignments), and the counters
// behind them. Numbers are taken by src/services/numbering.ts inside the signing transaction.
import { APIError, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'

import { beijingYear } from '../src/domain/dates'
import { idOf } from '../src/domain/ids'
import { seriesPrefixProblems } from '../src/domain/numbering'
import { hasSiteRole, isPlatformAdmin } from '../src/domain/permissions'
import { isLive } from '../src/domain/workflow'
import { ensureSeriesCounters } from '../src/services/numbering'
import { createOnOwnSites, nobody, readOwnSites, toActor, writeOnOwnSites } from './access'
import { siteField } from './fields'
import { ARTICLES, NUMBER_ASSIGNMENTS, NUMBERING_COUNTERS, NUMBERING_SERIES } from './slugs'

const checkPrefix: CollectionBeforeChangeHook = ({ data }) => {
  if (typeof data.prefix === 'string') {
    const problems = seriesPrefixProblems(data.prefix)
    if (problems.length) throw new APIError(problems.join('；'), 400, null, true)
    data.prefix = data.prefix.trim()
  }
  return data
}

export const NumberingSeries: CollectionConfig = {
  slug: NUMBERING_SERIES,
  labels: { singular: '文号序列', plural: '文号序列' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'prefix', 'kind', 'site'],
    group: '发布',
    description: '发文字号按序列、按年度连续编号，签发时自动取号；作废的号码保留并注明理由。',
  },
  access: {
    read: readOwnSites,
    create: createOnOwnSites('column'),
    update: writeOnOwnSites('column'),
    // A series that has given numbers explains them forever: never deleted.
    delete: nobody,
  },
  hooks: {
    beforeChange: [checkPrefix],
    afterChange: [
      async ({ doc, operation, req }) => {
        if (operation !== 'create') return doc
        const year = beijingYear(new Date())
        await ensureSeriesCounters(req, doc.id, [year, year + 1])
        return doc
      },
    ],
  },
  fields: [
    siteField('column'),
    { name: 'name', label: '序列名称', type: 'text', required: true },
    {
      name: 'prefix',
      label: '机关代字',
      type: 'text',
      required: true,
      admin: { description: '如“青政发”；规范性文件单独成列，如“青政规”' },
    },
    {
      name: 'kind',
      label: '类别',
      type: 'select',
      required: true,
      defaultValue: 'regular',
      options: [
        { label: '普通公文', value: 'regular' },
        { label: '规范性文件', value: 'normative' },
      ],
    },
    { name: 'active', label: '启用', type: 'checkbox', defaultValue: true },
    {
      name: 'numbers',
      label: '已取号码',
      type: 'join',
      collection: NUMBER_ASSIGNMENTS,
      on: 'series',
      defaultSort: '-seq',
      admin: { defaultColumns: ['number', 'status', 'article', 'voidReason', 'takenAt'] },
    },
  ],
}

/** Only a site admin voids, only with a reason, only the void fields, never a live article's number. */
const guardVoid: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  if (operation !== 'update' || req.context.numbering) return data
  const actor = toActor(req.user)
  const site = idOf(originalDoc?.site)
  if (!isPlatformAdmin(actor) && !hasSiteRole(actor, site, 'site-admin')) {
    throw new APIError('只有本站的站点管理员可以作废号码', 403, null, true)
  }
  if (originalDoc?.status === 'voided') throw new APIError('该号码已作废', 400, null, true)
  if (data.status !== 'voided') throw new APIError('号码只能作废，不能修改', 400, null, true)
  if (!String(data.voidReason ?? '').trim()) {
    throw new APIError('作废号码须填写理由', 400, null, true)
  }
  const articleId = idOf(originalDoc?.article)
  if (articleId != null) {
    const article = await req.payload.findByID({
      collection: ARTICLES,
      id: articleId,
      depth: 0,
      overrideAccess: true,
      req,
      select: { state: true, title: true, indexNumber: true, docNumber: true },
    })
    if (article && isLive(article.state as string)) {
      throw new APIError(
        `号码正由已发布的信息《${article.title}》使用，不能作废；请先下线该信息`,
        400,
        null,
        true,
      )
    }
  }
  // Only the void fields change; the rest of the record is history.
  const kept = { ...originalDoc }
  return {
    ...kept,
    status: 'voided',
    voidReason: String(data.voidReason).trim(),
    voidedAt: new Date().toISOString(),
    voidedBy: actor?.id,
  }
}

export const NumberAssignments: CollectionConfig = {
  slug: NUMBER_ASSIGNMENTS,
  labels: { singular: '号码', plural: '号码记录' },
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'kind', 'status', 'article', 'voidReason', 'takenAt', 'site'],
    group: '发布',
    description: '每个索引号和发文字号的去向：所属信息，或作废理由。',
  },
  access: {
    read: readOwnSites,
    create: nobody,
    update: writeOnOwnSites('column'),
    delete: nobody,
  },
  hooks: { beforeChange: [guardVoid] },
  indexes: [{ fields: ['kind', 'scope', 'year', 'seq'], unique: true }],
  fields: [
    siteField('column'),
    { name: 'number', label: '号码', type: 'text', required: true, unique: true },
    {
      name: 'kind',
      label: '类别',
      type: 'select',
      required: true,
      options: [
        { label: '索引号', value: 'index' },
        { label: '发文字号', value: 'doc' },
      ],
    },
    { name: 'scope', label: '编号范围', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'series', label: '文号序列', type: 'relationship', relationTo: NUMBERING_SERIES },
    { name: 'year', label: '年度', type: 'number', required: true },
    { name: 'seq', label: '序号', type: 'number', required: true },
    { name: 'article', label: '所属信息', type: 'relationship', relationTo: ARTICLES },
    {
      name: 'status',
      label: '状态',
      type: 'select',
      required: true,
      defaultValue: 'assigned',
      options: [
        { label: '已使用', value: 'assigned' },
        { label: '手工登记（纸质文件）', value: 'manual' },
        { label: '已作废', value: 'voided' },
      ],
    },
    { name: 'takenAt', label: '取号时间', type: 'date', admin: { readOnly: true } },
    { name: 'takenBy', label: '取号人', type: 'relationship', relationTo: 'users' },
    { name: 'voidReason', label: '作废理由', type: 'textarea' },
    { name: 'voidedAt', label: '作废时间', type: 'date', admin: { readOnly: true } },
    { name: 'voidedBy', label: '作废人', type: 'relationship', relationTo: 'users' },
  ],
}

/** One row per series (or organisation) and year; `last` is raised atomically. Never seen in the admin. */
export const NumberingCounters: CollectionConfig = {
  slug: NUMBERING_COUNTERS,
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'last', type: 'number', required: true, defaultValue: 0 },
  ],
}

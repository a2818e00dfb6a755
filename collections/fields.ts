// Fields shared by every per-site collection.
import type { Field, Where } from 'payload'

import { writableSites, type WriteRule } from '../src/domain/permissions'
import { platformAdminField, toActor } from './access'

import { SITES, USERS } from './slugs'

/** The site a document belongs to; a person may only choose sites they may write on. */
export const siteField = (rule: WriteRule): Field => ({
  name: 'site',
  label: '所属站点',
  type: 'relationship',
  relationTo: SITES,
  required: true,
  index: true,
  admin: { position: 'sidebar' },
  // Moving a record to another site is a platform decision, not an editor's.
  access: { update: platformAdminField },
  defaultValue: ({ user }: { user?: unknown }) => {
    const sites = writableSites(toActor(user), rule)
    return sites === true || sites.length !== 1 ? undefined : sites[0]
  },
  filterOptions: ({ user, req }): Where | boolean => {
    if (!user) return true // scripts and seeding act for the platform
    // Records a service writes for a person's move (a number taken at signing) follow the move.
    if (req?.context?.numbering) return true
    // A letter transferred to another department moves to that site by the workflow's decision.
    if (req?.context?.siteMove) return true
    const sites = writableSites(toActor(user), rule)
    return sites === true ? true : { id: { in: sites } }
  },
})

/**
 * The record of a case's steps (依申请公开, 领导信箱): when, what, what the citizen reads, what only
 * staff read, and who. Written by the server only (src/domain/server-owned).
 */
export const timelineField = ({
  label,
  citizen,
  extra = [],
}: {
  label: string
  /** Who reads the public label and note: 申请人 or 来信人. */
  citizen: string
  extra?: Field[]
}): Field => ({
  name: 'timeline',
  label,
  labels: { singular: '事件', plural: '事件' },
  type: 'array',
  admin: {
    readOnly: true,
    initCollapsed: true,
    components: { RowLabel: '/src/admin/RowLabels#TimelineRowLabel' },
  },
  fields: [
    {
      name: 'at',
      label: '时间',
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'kind', label: '事件', type: 'text', required: true },
    { name: 'label', label: `告知${citizen}的事件名称`, type: 'text' },
    { name: 'note', label: `告知${citizen}的说明`, type: 'textarea' },
    { name: 'internalNote', label: '内部备注', type: 'textarea' },
    { name: 'by', label: '办理人', type: 'relationship', relationTo: USERS },
    ...extra,
  ],
})

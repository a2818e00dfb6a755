// Fields shared by the collections: the per-site field, the parts of a case (依申请公开, 领导信箱,
// 我要纠错) and of the records the server writes.
import type {
  DateField,
  Field,
  RelationshipField,
  SelectField,
  TextareaField,
  TextField,
  Where,
} from 'payload'

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
    momentField('at', '时间', { index: false }),
    { name: 'kind', label: '事件', type: 'text', required: true },
    { name: 'label', label: `告知${citizen}的事件名称`, type: 'text' },
    { name: 'note', label: `告知${citizen}的说明`, type: 'textarea' },
    { name: 'internalNote', label: '内部备注', type: 'textarea' },
    { name: 'by', label: '办理人', type: 'relationship', relationTo: USERS },
    ...extra,
  ],
})

/** Options of a select from a domain list and its labels. */
export const selectOptions = <T extends string>(list: readonly T[], labels: Record<T, string>) =>
  list.map((value) => ({ value, label: labels[value] }))

/** A date picked and shown as a day, written the way staff write it (2024年5月1日). */
export const dayOnly = {
  date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'yyyy年M月d日' },
}

/** When a recorded event happened, to the minute (an audit event, a probe, a check). */
export const momentField = (name: string, label: string, { index = true } = {}): DateField => ({
  name,
  label,
  type: 'date',
  required: true,
  ...(index && { index: true }),
  admin: { date: { pickerAppearance: 'dayAndTime' } },
})

/** The site a record the server writes is about (audits, probes, search misses). */
export const siteOfRecordField = ({ required = true } = {}): RelationshipField => ({
  name: 'site',
  label: '站点',
  type: 'relationship',
  relationTo: SITES,
  ...(required && { required: true }),
  index: true,
})

/** A code the server gives a case, unique and read-only in the sidebar (查询码, 信件编号). */
export const caseCodeField = (name: string, label: string): TextField => ({
  name,
  label,
  type: 'text',
  unique: true,
  index: true,
  admin: { readOnly: true, position: 'sidebar' },
})

/** The key a public form sends with a case, so that a retried submission stores it once. */
export const idempotencyKeyField = (): TextField => ({
  name: 'idempotencyKey',
  type: 'text',
  unique: true,
  index: true,
  admin: { hidden: true },
})

/** A case's state: moved by its workflow only, so read-only in the sidebar. */
export const caseStatusField = ({
  label,
  defaultValue,
  options,
}: {
  label: string
  defaultValue: string
  options: { value: string; label: string }[]
}): SelectField => ({
  name: 'status',
  label,
  type: 'select',
  required: true,
  defaultValue,
  index: true,
  options,
  admin: { readOnly: true, position: 'sidebar' },
})

/** The day a case arrived, where its working-day clock starts (today for the online forms). */
export const receivedAtField = ({
  label,
  description,
  readOnly = false,
}: {
  label: string
  description?: string
  readOnly?: boolean
}): DateField => ({
  name: 'receivedAt',
  label,
  type: 'date',
  required: true,
  index: true,
  defaultValue: () => new Date().toISOString(),
  admin: {
    ...(readOnly && { readOnly: true }),
    position: 'sidebar',
    ...dayOnly,
    ...(description && { description }),
  },
})

/** A deadline the working-day clock computes: read-only in the sidebar (答复期限). */
export const deadlineField = (name: string, label: string, description?: string): DateField => ({
  name,
  label,
  type: 'date',
  index: true,
  admin: { readOnly: true, position: 'sidebar', ...dayOnly, ...(description && { description }) },
})

/** The staff member who took a case's step (答复人, 审核人): written by the workflow only. */
export const staffOfStepField = (name: string, label: string): RelationshipField => ({
  name,
  label,
  type: 'relationship',
  relationTo: USERS,
  admin: { readOnly: true },
})

/**
 * Admin options of a step's input: shown only for the steps that use it, and editable (Payload
 * makes virtual fields read-only in the admin unless told otherwise).
 */
export const stepOnly = (condition: (step: string) => boolean) => ({
  readOnly: false,
  condition: (_: unknown, sibling: Record<string, unknown>) =>
    typeof sibling?.step === 'string' && condition(sibling.step),
})

/** The 办理步骤 a handler chooses on a case: virtual, read by the workflow when saved. */
export const stepField = (options: { value: string; label: string }[]): SelectField => ({
  name: 'step',
  label: '办理步骤',
  type: 'select',
  virtual: true,
  options,
  admin: { readOnly: false, description: '选择一个步骤并保存；不能办理的步骤会说明原因' },
})

/** A step's note for staff only, offered with every step (`citizen`: 申请人 or 来信人). */
export const stepInternalField = (citizen: string): TextareaField => ({
  name: 'stepInternal',
  label: `内部备注（${citizen}看不到）`,
  type: 'textarea',
  virtual: true,
  admin: stepOnly(() => true),
})

import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  PayloadRequest,
} from 'payload'

import { isIsoDate } from '../src/domain/workdays'
import { anyone, isPlatformAdminAccess } from './access'
import { WORK_CALENDAR } from './slugs'

const KIND_LABELS: Record<string, string> = { holiday: '法定节假日', makeup: '调休上班日' }

type Row = { date?: string; kind?: string; name?: string; note?: string }
const describe = (r: Row) => `${r.date ?? ''} ${r.name ?? ''}${KIND_LABELS[r.kind ?? ''] ?? ''}`

/** Every open request's deadline is recomputed, and each one that moved says why. */
async function recompute(req: PayloadRequest, reason: string) {
  if (req.context.seeding) return
  const { recomputeOpenDeadlines } = await import('../src/services/recompute-deadlines')
  const basis = (req.user as { email?: string } | null)?.email
  await recomputeOpenDeadlines(req.payload, basis ? `${reason}，${basis}` : reason, req)
}

const afterCalendarChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const note = (doc as Row).note ? `：${(doc as Row).note}` : ''
  const reason =
    operation === 'create'
      ? `新增 ${describe(doc)}${note}`
      : `${describe(previousDoc)} 改为 ${describe(doc)}${note}`
  await recompute(req, reason)
  return doc
}

const afterCalendarDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await recompute(req, `删除 ${describe(doc)}`)
  return doc
}

/**
 * Official public holidays and make-up working days (调休), one row per day. Seeded from the
 * State Council's published arrangements (chinese-days); platform admins add later years.
 * Every deadline counted in working days reads this.
 */
export const WorkCalendar: CollectionConfig = {
  slug: WORK_CALENDAR,
  labels: { singular: '工作日历', plural: '工作日历' },
  admin: {
    useAsTitle: 'date',
    defaultColumns: ['date', 'kind', 'name'],
    group: '平台',
    description: '法定节假日与调休上班日。工作日按“周一至周五、不含节假日、另加调休上班日”计算。',
  },
  access: {
    read: anyone,
    create: isPlatformAdminAccess,
    update: isPlatformAdminAccess,
    delete: isPlatformAdminAccess,
  },
  hooks: { afterChange: [afterCalendarChange], afterDelete: [afterCalendarDelete] },
  defaultSort: 'date',
  fields: [
    {
      name: 'date',
      label: '日期',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { description: '格式为 YYYY-MM-DD，例如 2026-10-01' },
      validate: (value: unknown) =>
        typeof value === 'string' && isIsoDate(value) ? true : '请按 YYYY-MM-DD 填写一个真实的日期',
    },
    {
      name: 'kind',
      label: '类型',
      type: 'select',
      required: true,
      options: [
        { label: '法定节假日（休息）', value: 'holiday' },
        { label: '调休上班日', value: 'makeup' },
      ],
    },
    { name: 'name', label: '节日', type: 'text', required: true },
    { name: 'note', label: '依据或说明', type: 'text' },
  ],
}

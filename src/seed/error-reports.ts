// Demo 我要纠错: a few readers' reports on each site over the past months — answered on time,
// answered late, still open and overdue — so the statistics and 督办 look real on first start.
import type { Payload } from 'payload'

import { beijingDate, dayInstant } from '../domain/dates'
import type { ErrorType } from '../domain/error-reports'
import { ERROR_REPORTS } from '../domain/slugs'
import { addCalendarDays, addWorkingDays } from '../domain/workdays'
import { findAllSelected } from '../services/records'
import { readWorkCalendar } from '../services/work-calendar'

/** Days before today each report arrived, its type, and how it ended (working days to answer). */
const PLAN: {
  ago: number
  type: ErrorType
  text: string
  answerIn: number | null
  fixed: boolean
}[] = [
  { ago: 150, type: 'typo', text: '第二段“经济发展”误写为“经济法展”。', answerIn: 1, fixed: true },
  {
    ago: 110,
    type: 'link',
    text: '页面底部“办事指南”链接打开后显示页面不存在。',
    answerIn: 2,
    fixed: true,
  },
  { ago: 75, type: 'outdated', text: '咨询电话已更换，页面仍是旧号码。', answerIn: 5, fixed: true },
  {
    ago: 40,
    type: 'other',
    text: '文中引用的文件名称与原文不一致，请核实。',
    answerIn: 2,
    fixed: false,
  },
  {
    ago: 12,
    type: 'unreachable',
    text: '附件下载时提示文件不存在，无法打开。',
    answerIn: null,
    fixed: false,
  },
]

export async function seedDemoErrorReports(payload: Payload, now: Date): Promise<number> {
  const calendar = await readWorkCalendar(payload)
  const today = beijingDate(now)
  const sites = await findAllSelected(payload, { collection: 'sites', select: ['slug'] })
  let made = 0
  for (const site of sites) {
    for (const [i, plan] of PLAN.entries()) {
      // Only the portal keeps an overdue report open (督办 shows it); elsewhere it was answered.
      const answerIn = plan.answerIn ?? (site.slug === 'www' ? null : 1)
      const received = addCalendarDays(today, -plan.ago - i)
      const context = { seeding: true, reportService: true }
      const doc = await payload.create({
        collection: ERROR_REPORTS,
        overrideAccess: true,
        context,
        data: {
          site: site.id,
          url: `http://${site.slug}.localhost/${i % 2 ? 'tzgg' : 'zwdt'}/`,
          type: plan.type,
          description: plan.text,
          contact: i === 0 ? 'reader@example.com' : undefined,
          email: i === 0 ? 'reader@example.com' : undefined,
          receivedAt: dayInstant(received),
        },
      })
      made++
      if (answerIn == null) continue
      await payload.update({
        collection: ERROR_REPORTS,
        id: doc.id,
        overrideAccess: true,
        context,
        data: {
          outcome: plan.fixed ? 'fixed' : 'not-error',
          reply: plan.fixed ? '感谢指正，已更正。' : '经核实，文中内容与原文件一致，不属于错误。',
          answeredAt: dayInstant(addWorkingDays({ from: received, days: answerIn, calendar })),
        },
      })
    }
  }
  return made
}

// Mail about letters: to the writer (when they gave an address) at each step they must hear of,
// and to the site's handlers when a letter arrives, is transferred in or waits for review.
// Plain-text mail: what the writer typed is sent as text, never as markup.
import type { Payload } from 'payload'

import { dayOf } from '../domain/dates'
import { type Id, idOf } from '../domain/ids'
import {
  isOpenLetter,
  LETTER_STATUS_LABELS,
  type LetterStatus,
  type LetterTimelineEntry,
} from '../domain/letters'
import { LETTERS } from '../domain/slugs'
import { logger } from '../logger'
import { notify, peopleWithRoles } from './notify'
import { replyAttachment } from './request-mail'
import { siteName } from './stored-request'

type Doc = Record<string, unknown>

/** Tells the writer by e-mail what happened to their letter; false when there is no address. */
export async function mailWriter(
  payload: Payload,
  doc: Doc,
  what: { subject: string; lines: string[]; attach?: Id | null },
): Promise<boolean> {
  const email = typeof doc.email === 'string' ? doc.email : ''
  if (!email) return false
  const name = await siteName(payload, doc.site as Id)
  const status = String(doc.status) as LetterStatus
  const due =
    status === 'submitted'
      ? `受理期限：${dayOf(doc.acceptDueDate)}`
      : `答复期限：${dayOf(doc.answerDueDate)}`
  const text = [
    `${String(doc.writerName ?? '来信人')}：`,
    '',
    ...what.lines,
    '',
    `信件编号：${String(doc.number ?? '')}`,
    `查询码：${String(doc.queryCode ?? '')}`,
    `当前状态：${LETTER_STATUS_LABELS[status] ?? status}`,
    isOpenLetter(status) && status !== 'following' ? due : '',
    '',
    name,
    '（本邮件由系统发送，请勿直接回复；可凭查询码在网站“互动交流”栏目查询办理进度、查看答复并评价。）',
  ].filter((l, i, a) => l !== '' || a[i - 1] !== '')
  try {
    await payload.sendEmail({
      to: email,
      subject: `【${name}】${what.subject}`,
      text: text.join('\n'),
      attachments: what.attach ? await replyAttachment(payload, what.attach) : undefined,
    })
    return true
  } catch (err) {
    logger.error({ err, letter: doc.id }, 'writer mail could not be sent')
    return false
  }
}

/** The writer's mail for the step just recorded. */
export function stepMailOfLetter(
  doc: Doc,
  entry: LetterTimelineEntry,
): { subject: string; lines: string[]; attach?: Id | null } {
  const lines = [`您的来信“${String(doc.subject ?? '')}”有新的办理进展：${entry.label}`]
  if (entry.note) lines.push('', entry.note)
  let attach: Id | null = null
  if (entry.kind === 'answer' || entry.kind === 'approve') {
    lines.push(
      '',
      '答复内容：',
      String(doc.answer ?? ''),
      '',
      '欢迎凭查询码在网站上对答复进行评价。',
    )
    // The answer's file goes with the answer.
    attach = idOf(doc.answerFile) ?? null
    if (attach != null) lines.push('', '答复附件见邮件附件。')
  }
  if (entry.kind === 'follow-up') lines.push('', '跟进处理情况：', String(doc.followUpAnswer ?? ''))
  return { subject: `来信办理进展：${entry.label}`, lines, attach }
}

const ANNOUNCE = {
  new: { subject: '新的来信', text: '收到一封新来信，请在受理期限内受理。' },
  transferred: {
    subject: '转来的来信',
    text: '有一封来信转至本网站办理，办理期限自原收信日起计算。',
  },
  review: { subject: '待审核的答复', text: '有一封来信的答复等待审核（须由撰写人以外的人审核）。' },
  'follow-up': {
    subject: '差评待跟进',
    text: '来信人对答复给出差评，请在跟进期限内重新办理或说明。',
  },
} as const

/** Tells the site's handlers and admins about a letter (once per letter and occasion). */
export async function announceLetter(
  payload: Payload,
  doc: Doc,
  occasion: keyof typeof ANNOUNCE,
): Promise<void> {
  const site = idOf(doc.site)
  if (site == null) return
  const to = await peopleWithRoles(payload, site, ['handler', 'site-admin'])
  const what = ANNOUNCE[occasion]
  const stage = occasion === 'transferred' ? `${occasion}:${site}` : occasion
  await notify(payload, {
    to,
    kind: `letter.${occasion}`,
    site,
    target: `${LETTERS}:${doc.id}`,
    key: `letter.${stage}:${doc.id}:${(doc.timeline as unknown[] | undefined)?.length ?? 0}`,
    subject: `${what.subject}：${String(doc.number ?? '')}`,
    text: `${what.text}信件编号 ${String(doc.number ?? '')}，收信日期 ${dayOf(doc.receivedAt)}，受理期限 ${dayOf(doc.acceptDueDate)}，答复期限 ${dayOf(doc.answerDueDate)}。请登录后台办理。`,
  }).catch((err: unknown) => logger.error({ err }, 'letter notice failed'))
}

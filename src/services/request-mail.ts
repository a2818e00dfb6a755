// Mail about disclosure requests: to the applicant at each step, to the site's handlers when a
// request arrives, and the queue that sends it after the response.
import path from 'node:path'

import type { Payload } from 'payload'

import { dayOf } from '../domain/dates'
import { isOutcomeCode, outcomeLabel } from '../domain/disclosure'
import { type Id, idOf } from '../domain/ids'
import { isOpen, REQUEST_STATUS_LABELS, type TimelineEntry } from '../domain/request-steps'
import { DISCLOSURE_REQUESTS, REQUEST_FILES } from '../domain/slugs'
import { logger } from '../logger'
import { notify, peopleWithRoles } from './notify'
import { type RequestDoc, siteName } from './stored-request'

/** Tells the applicant by e-mail (when they gave one) what happened to their request. */
export async function mailApplicant(
  payload: Payload,
  doc: RequestDoc,
  what: { subject: string; lines: string[]; attach?: Id | null },
): Promise<boolean> {
  if (!doc.email) return false
  const name = await siteName(payload, doc.site)
  const due = doc.dueDate ? `答复截止日：${dayOf(doc.dueDate)}` : '答复期限暂停计算'
  const text = [
    `${doc.applicantName ?? '申请人'}：`,
    '',
    ...what.lines,
    '',
    `查询码：${doc.trackingCode}`,
    `当前状态：${REQUEST_STATUS_LABELS[doc.status] ?? doc.status}`,
    isOpen(doc.status) ? due : '',
    '',
    `${name}政府信息公开工作机构`,
    '（本邮件由系统发送，请勿直接回复；可凭查询码在网站“依申请公开”栏目查询办理进度。）',
  ].filter((l, i, a) => l !== '' || a[i - 1] !== '')
  try {
    await payload.sendEmail({
      to: doc.email,
      subject: `【${name}】${what.subject}`,
      text: text.join('\n'),
      attachments: what.attach ? await replyAttachment(payload, what.attach) : undefined,
    })
    return true
  } catch (err) {
    logger.error({ err, request: doc.id }, 'applicant mail could not be sent')
    return false
  }
}

/** A private file (request-files) as a mail attachment: a reply document, a letter's answer file. */
export async function replyAttachment(payload: Payload, id: Id) {
  const file = (await payload
    .findByID({ collection: REQUEST_FILES, id, depth: 0, overrideAccess: true })
    .catch(() => null)) as { filename?: string } | null
  if (!file?.filename) return undefined
  const dir = payload.collections[REQUEST_FILES]?.config.upload?.staticDir
  if (!dir) return undefined
  return [{ filename: file.filename, path: path.join(dir, path.basename(file.filename)) }]
}

/** The lines of the applicant's mail for the step just recorded. */
export function stepMail(
  doc: RequestDoc,
  entry: TimelineEntry,
): { subject: string; lines: string[]; attach?: Id | null } {
  const lines = [
    `您的政府信息公开申请（${dayOf(doc.receivedAt)} 收到）有新的办理进展：${entry.label ?? ''}`,
  ]
  if (entry.note) lines.push('', entry.note)
  if (
    entry.kind === 'answer' ||
    entry.kind === 'correction-lapsed' ||
    entry.kind === 'fee-unpaid'
  ) {
    if (isOutcomeCode(doc.outcome)) lines.push('', `办理结果：${outcomeLabel(doc.outcome)}`)
    if (entry.kind === 'answer' && doc.replyText) lines.push('', doc.replyText)
    lines.push(
      '',
      '如对答复不服，可以依法申请行政复议或者提起行政诉讼（《政府信息公开条例》第五十一条）。',
    )
  }
  if (entry.kind === 'fee-notice' && doc.feeAmount)
    lines.push('', `应缴信息处理费：${doc.feeAmount} 元。逾期未缴纳的，视为放弃申请。`)
  // The reply document goes with the answer when the applicant asked for it by e-mail.
  const attach =
    entry.kind === 'answer' && doc.delivery === 'email' ? (idOf(doc.replyFile) ?? null) : null
  if (attach != null) lines.push('', '答复文书见附件。')
  return { subject: `政府信息公开申请办理进展：${entry.label ?? ''}`, lines, attach }
}

const pending = new Set<Promise<unknown>>()

/** Runs mail work after the response, never failing the caller; `requestMailSettled` awaits it. */
export function afterResponse(work: () => Promise<unknown>): void {
  const p = new Promise((resolve) => setImmediate(resolve))
    .then(work)
    .catch((err: unknown) => logger.error({ err }, 'request mail failed'))
    .finally(() => pending.delete(p))
  pending.add(p)
}

/** Resolves when every queued mail of requests has been sent or failed (tests, shutdown). */
export const requestMailSettled = async (): Promise<void> => {
  while (pending.size) await Promise.all([...pending])
}

/** Tells the site's handlers a new request arrived. */
export async function announceNewRequest(payload: Payload, doc: RequestDoc): Promise<void> {
  const site = idOf(doc.site)! // a request always has a site
  const to = await peopleWithRoles(payload, site, ['handler', 'site-admin'])
  await notify(payload, {
    to,
    kind: 'request.new',
    site,
    target: `${DISCLOSURE_REQUESTS}:${doc.id}`,
    key: `request.new:${doc.id}`,
    subject: `新的政府信息公开申请：${doc.trackingCode}`,
    text: `收到政府信息公开申请（${dayOf(doc.receivedAt)}），答复截止日 ${doc.dueDate ? dayOf(doc.dueDate) : '—'}。请登录后台登记办理。`,
  }).catch((err: unknown) => logger.error({ err }, 'new request notice failed'))
}

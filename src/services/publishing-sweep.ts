// The publishing clock: puts scheduled items online and takes expiring ones off, raises the
// alarm when a scheduled item has slipped, and sends the first-hour reminders and escalation.
import type { Payload, Where } from 'payload'

import { ARTICLES, NOTIFICATIONS } from '../domain/slugs'
import { beijingDateTime } from '../domain/dates'
import { dueStages, type FirstHourSettings, scheduleSlipped } from '../domain/first-hour'
import { type Id, idOf } from '../domain/ids'
import { settings } from '../settings'
import { logger } from '../logger'
import { notify, peopleWithRoles } from './notify'
import { findSelected } from './records'

export const firstHourSettings = (): FirstHourSettings => ({
  limitMinutes: 60,
  remindAtMinutes: settings.firstHourRemindAt,
  escalateAtMinutes: settings.firstHourEscalateAt,
})

const find = (payload: Payload, where: Where) =>
  findSelected(payload, {
    collection: ARTICLES,
    where,
    limit: 200,
    pagination: false,
    select: ['title', 'site', 'state', 'scheduledAt', 'unpublishAt', 'signedAt', 'publishedAt'],
  }).then((r) => r.docs)

/** A move made by the platform's clock, through the same workflow hook as people's moves. */
async function systemMove(payload: Payload, id: Id, state: string, reason?: string) {
  await payload.update({
    collection: ARTICLES,
    id,
    data: { state, workflowReason: reason },
    overrideAccess: true,
    context: { systemMove: true },
  })
}

export type SweepResult = { published: Id[]; unpublished: Id[]; alarms: Id[]; reminders: string[] }

export async function runPublishingSweep(payload: Payload, now = new Date()): Promise<SweepResult> {
  const result: SweepResult = { published: [], unpublished: [], alarms: [], reminders: [] }
  const iso = now.toISOString()

  for (const a of await find(payload, {
    and: [{ state: { equals: 'scheduled' } }, { scheduledAt: { less_than_equal: iso } }],
  })) {
    try {
      await systemMove(payload, a.id, 'published')
      result.published.push(a.id)
    } catch (err) {
      logger.error({ err, article: a.id }, 'scheduled publication failed')
    }
  }
  // Whatever is still scheduled past its time (+60 s) raises the alarm: never a silent slip.
  for (const a of await find(payload, {
    and: [{ state: { equals: 'scheduled' } }, { scheduledAt: { less_than_equal: iso } }],
  })) {
    if (!scheduleSlipped({ scheduledAt: a.scheduledAt!, now, live: false })) continue
    const site = idOf(a.site)! // an article always has a site
    const sent = await notify(payload, {
      to: await peopleWithRoles(payload, site, ['signer', 'site-admin']),
      subject: `【告警】定时发布未按时上线：${a.title}`,
      text: `《${a.title}》定时于 ${beijingDateTime(a.scheduledAt)} 发布，至今仍未上线。请立即登录管理后台处理：/admin/collections/${ARTICLES}/${a.id}`,
      kind: 'schedule.alarm',
      site,
      target: `${ARTICLES}:${a.id}`,
      key: `alarm:${a.id}:${a.scheduledAt}`,
    })
    if (sent) result.alarms.push(a.id)
  }

  for (const a of await find(payload, {
    and: [{ state: { in: ['published', 'withdrawn'] } }, { unpublishAt: { less_than_equal: iso } }],
  })) {
    try {
      await systemMove(payload, a.id, 'unpublished', '定时下线')
      result.unpublished.push(a.id)
    } catch (err) {
      logger.error({ err, article: a.id }, 'scheduled unpublication failed')
    }
  }

  // First hour: signed, not yet online. Look back a day; older items are in the report.
  const since = new Date(now.getTime() - 24 * 3600 * 1000).toISOString()
  const waiting = await find(payload, {
    and: [{ state: { equals: 'signed' } }, { signedAt: { greater_than_equal: since } }],
  })
  for (const a of waiting) {
    const sentKeys = (
      await payload.find({
        collection: NOTIFICATIONS,
        where: { key: { like: `firsthour:${a.id}:` } },
        limit: 20,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        select: { key: true },
      })
    ).docs.map((d) =>
      String((d as { key: string }).key)
        .split(':')
        .pop()!,
    )
    const site = idOf(a.site)! // an article always has a site
    for (const stage of dueStages({
      signedAt: a.signedAt!,
      publishedAt: null,
      now,
      sent: sentKeys,
      settings: firstHourSettings(),
    })) {
      const escalate = stage.audience === 'site-admin'
      const to = await peopleWithRoles(
        payload,
        site,
        escalate ? ['site-admin'] : ['editor', 'signer'],
      )
      const sent = await notify(payload, {
        to,
        subject: escalate
          ? `【督办】签发已超过 ${stage.atMinutes} 分钟仍未发布：${a.title}`
          : `【提醒】签发已 ${stage.atMinutes} 分钟，请尽快发布：${a.title}`,
        text: `《${a.title}》于 ${beijingDateTime(a.signedAt)} 签发，按“第一时间”要求须在 60 分钟内上线。请登录管理后台发布：/admin/collections/${ARTICLES}/${a.id}`,
        kind: escalate ? 'firsthour.escalate' : 'firsthour.remind',
        site,
        target: `${ARTICLES}:${a.id}`,
        key: `firsthour:${a.id}:${stage.key}`,
      })
      if (sent) result.reminders.push(`${a.id}:${stage.key}`)
    }
  }
  return result
}

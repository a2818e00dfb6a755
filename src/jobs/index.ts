// Payload's jobs queue runs the publishing clock every 15 seconds on nodes with JOBS=on.
import type { JobsConfig } from 'payload'

import { sendReportReminders } from '../services/error-report-supervision'
import { sendLetterReminders } from '../services/letter-supervision'
import { sendDeadlineReminders } from '../services/supervision'
import { runPublishingSweep } from '../services/publishing-sweep'
import { sweepSharedState } from '../services/shared-state'
import { checkExternalLinks } from '../services/external-links'
import { auditAllSites } from '../services/site-audit'
import { probeSites } from '../services/site-probe'
import { ensureCounters } from '../services/numbering'
import { beijingYear } from '../domain/dates'
import { settings } from '../settings'

export const jobs: JobsConfig = {
  tasks: [
    {
      slug: 'publishingSweep',
      label: '定时发布、下线与第一时间提醒',
      retries: 0,
      schedule: [{ cron: '*/15 * * * * *', queue: 'publishing' }],
      handler: async ({ req }) => {
        const output = await runPublishingSweep(req.payload)
        return {
          output: {
            published: output.published.length,
            unpublished: output.unpublished.length,
            alarms: output.alarms.length,
            reminders: output.reminders.length,
          },
        }
      },
    },
    {
      slug: 'disclosureReminders',
      label: '依申请公开、来信与纠错到期、逾期提醒',
      retries: 0,
      schedule: [{ cron: '0 */10 * * * *', queue: 'disclosure' }],
      handler: async ({ req }) => ({
        output: {
          ...(await sendDeadlineReminders(req.payload)),
          letters: await sendLetterReminders(req.payload),
          errorReports: await sendReportReminders(req.payload),
        },
      }),
    },
    {
      slug: 'sharedStateSweep',
      label: '清理过期的验证码、频率计数与缓存清除记录',
      retries: 0,
      schedule: [{ cron: '0 * * * * *', queue: 'housekeeping' }],
      handler: async ({ req }) => ({ output: await sweepSharedState(req.payload) }),
    },
    {
      slug: 'numberingCounters',
      label: '准备本年度和下一年度的编号计数器',
      retries: 0,
      schedule: [{ cron: '0 0 * * * *', queue: 'housekeeping' }],
      handler: async ({ req }) => {
        const year = beijingYear(new Date())
        return { output: { created: await ensureCounters(req.payload, [year, year + 1]) } }
      },
    },
    {
      slug: 'siteAudits',
      label: '网站体检（每晚）',
      retries: 0,
      // 02:00 Beijing time (18:00 UTC), when nobody is publishing.
      schedule: [{ cron: '0 0 18 * * *', queue: 'audit' }],
      handler: async ({ req }) => {
        const runs = await auditAllSites(req.payload, { trigger: 'nightly' })
        return {
          output: {
            sites: runs.length,
            fail: runs.filter((r) => r.status === 'fail').length,
            warning: runs.filter((r) => r.status === 'warning').length,
          },
        }
      },
    },
    {
      slug: 'externalLinks',
      label: '站外链接检查（每晚，体检之前）',
      retries: 0,
      // 01:00 Beijing time (17:00 UTC), an hour before the audit reads the answers.
      schedule: [{ cron: '0 0 17 * * *', queue: 'audit' }],
      handler: async ({ req }) => ({ output: await checkExternalLinks(req.payload) }),
    },
    {
      slug: 'siteProbes',
      label: '站点可访问性监测（每小时）',
      retries: 0,
      // 24 a day: the inspection counts a site from 20 probes a day.
      schedule: [{ cron: '0 5 * * * *', queue: 'audit' }],
      handler: async ({ req }) => {
        const results = await probeSites(req.payload, {
          via: 'local',
          port: settings.port,
          devHosts: settings.devHosts,
        })
        return {
          output: { sites: results.length, failed: results.filter((r) => !r.result.ok).length },
        }
      },
    },
  ],
  autoRun: [
    { cron: '*/15 * * * * *', queue: 'publishing', limit: 1 },
    { cron: '0 */10 * * * *', queue: 'disclosure', limit: 1 },
    { cron: '0 * * * * *', queue: 'housekeeping', limit: 1 },
    { cron: '0 */10 * * * *', queue: 'audit', limit: 1 },
  ],
  shouldAutoRun: () => settings.jobs,
  // Finished sweeps are not kept: four a minute would fill the table with nothing.
  deleteJobOnComplete: true,
}

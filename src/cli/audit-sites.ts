// `npm run audit:sites`: one audit run of every open site, stored like the nightly run, and one
// line per site with its outcome, its worst item and the nearest day it will fail.
import { getPayload } from 'payload'

import { changedSettings } from '../domain/audit-settings'
import { AUDIT_STATUS_LABELS } from '../domain/site-audit'
import { auditAllSites, auditThresholds } from '../services/site-audit'

const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
const thresholds = await auditThresholds(payload)
const changed = changedSettings(thresholds)
console.log(changed.length ? `本平台设置的阈值：${changed.join('；')}` : '阈值：均为国家标准')
const runs = await auditAllSites(payload, { trigger: 'cli', thresholds })
for (const r of runs)
  console.log(
    [r.siteName, AUDIT_STATUS_LABELS[r.status], r.worst ?? '', r.failsOn ?? '']
      .filter(Boolean)
      .join('\t'),
  )
console.log(
  `共 ${runs.length} 个站点：不合格 ${runs.filter((r) => r.status === 'fail').length}，预警 ${runs.filter((r) => r.status === 'warning').length}`,
)
process.exit(0)

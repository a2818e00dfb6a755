// `npm run audit:probe`: one reachability probe of every open site from this machine, to the
// sites' real addresses over HTTPS (`via: public`), stored beside the platform's own hourly
// probes. Run it from a machine outside the platform's network (cron, 20+ times a day) with
// DATABASE_URL pointing at the platform's database, so the audit sees what visitors see.
import { getPayload } from 'payload'

import { probeSites } from '../services/site-probe'
import { settings } from '../settings'

const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
const results = await probeSites(payload, {
  via: 'public',
  port: settings.port,
  devHosts: false,
})
for (const { site, result } of results)
  console.log(
    [String(site), result.ok ? '正常' : '失败', `${result.ms} ms`, result.error ?? ''].join('\t'),
  )
process.exit(0)

// Reachability probes (站点无法访问): each open site's home page fetched the way a visitor reaches
// it, the answer recorded in `site-probes` (ok, status, milliseconds, error). The audit judges
// the last week of them (RULES §1: ≥ 20 probes a day, a probe failing after 15 s, ≥ 5 % failed).
// On the platform the job asks its own public server with the site's Host; `npm run
// audit:probe` runs the same from any machine against the sites' real addresses.
import http from 'node:http'
import https from 'node:https'

import type { Payload } from 'payload'

import type { Id } from '../domain/ids'
import { SITE_PROBES, SITES } from '../domain/slugs'
import { AUDITED_STATUSES } from './site-audit'
import { findAllSelected } from './records'

export type ProbeResult = { ok: boolean; status: number | null; ms: number; error: string | null }

/** Probes older than this are deleted when the job runs (the audit reads a week). */
export const PROBE_KEEP_DAYS = 30

/** One GET with a Host header and a deadline; a redirect or an error status is a failure. */
export function probe(
  url: string,
  { host, timeoutMs }: { host?: string; timeoutMs: number },
): Promise<ProbeResult> {
  const started = Date.now()
  const done = (r: Omit<ProbeResult, 'ms'>): ProbeResult => ({ ...r, ms: Date.now() - started })
  return new Promise((resolve) => {
    const target = new URL(url)
    const client = target.protocol === 'https:' ? https : http
    const req = client.get(
      target,
      { headers: { ...(host ? { host } : {}), 'user-agent': 'Jiyue-Probe/1 (site reachability)' } },
      (res) => {
        res.resume()
        res.on('end', () => {
          const status = res.statusCode ?? 0
          resolve(
            done({
              ok: status >= 200 && status < 300,
              status,
              error: status >= 200 && status < 300 ? null : `HTTP ${status}`,
            }),
          )
        })
        res.on('error', (err) =>
          resolve(done({ ok: false, status: res.statusCode ?? null, error: err.message })),
        )
      },
    )
    req.setTimeout(timeoutMs, () => {
      req.destroy(new Error(`${Math.round(timeoutMs / 1000)} 秒内没有完成应答`))
    })
    req.on('error', (err) => resolve(done({ ok: false, status: null, error: err.message })))
  })
}

export type ProbeTarget = { site: Id; url: string; host?: string }

/**
 * Where to reach each open site. `local`: this platform's own public server on `port`, with the
 * site's first domain (or `<slug>.localhost` where development hosts are served) as Host;
 * `public`: the site's first domain over HTTPS, as a visitor outside would.
 */
export async function probeTargets(
  payload: Payload,
  { via, port, devHosts }: { via: 'local' | 'public'; port: number; devHosts: boolean },
): Promise<ProbeTarget[]> {
  const sites = await findAllSelected(payload, {
    collection: SITES,
    where: { status: { in: AUDITED_STATUSES } },
    select: ['slug', 'domains'],
    sort: 'slug',
  })
  return sites.map((s) => {
    const domain = s.domains?.[0]?.domain ?? (devHosts ? `${s.slug}.localhost` : null)
    if (!domain) return { site: s.id, url: '' }
    return via === 'public'
      ? { site: s.id, url: `https://${domain}/` }
      : { site: s.id, url: `http://127.0.0.1:${port}/`, host: domain }
  })
}

/** Probes every open site once and stores the answers; deletes probes past their keeping. */
export async function probeSites(
  payload: Payload,
  options: {
    via: 'local' | 'public'
    port: number
    devHosts: boolean
    timeoutMs?: number
    now?: () => Date
  },
): Promise<{ site: Id; result: ProbeResult }[]> {
  const { timeoutMs = 15_000, now = () => new Date() } = options
  const out: { site: Id; result: ProbeResult }[] = []
  for (const t of await probeTargets(payload, options)) {
    const at = now()
    const result = t.url
      ? await probe(t.url, { host: t.host, timeoutMs })
      : { ok: false, status: null, ms: 0, error: '站点没有配置域名，无法访问' }
    await payload.create({
      collection: SITE_PROBES,
      overrideAccess: true,
      data: { site: t.site, at: at.toISOString(), ...result, via: options.via },
    })
    out.push({ site: t.site, result })
  }
  const cutoff = new Date(now().getTime() - PROBE_KEEP_DAYS * 86_400_000).toISOString()
  await payload.delete({
    collection: SITE_PROBES,
    where: { at: { less_than: cutoff } },
    overrideAccess: true,
  })
  return out
}

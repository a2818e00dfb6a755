// After a site is retired: every old address requested through this platform's public server
// with the old Host (each must answer 301 to a page that answers 200, or 410 with an archived
// copy that answers 200), the outcome kept in the audit trail, and what the trail says of the
// retirement for the admin's page.
import http from 'node:http'

import type { Payload } from 'payload'

import { type Id, idOf, sameId } from '../domain/ids'
import type { Counts } from '../domain/site-retirement'
import { AUDIT_EVENTS, SITES, URL_MAPPINGS } from '../domain/slugs'
import { recordAudit } from './audit'
import { findAllSelected, findSelected } from './records'
import { type Actor, RETIRE_ACTIONS } from './retire-site'

type Reply = { status: number; location: string | null }

function get(url: string, host: string, timeoutMs = 15_000): Promise<Reply> {
  return new Promise((resolve) => {
    const req = http.get(
      url,
      { headers: { host, 'user-agent': 'Jiyue-Retirement-Check/1' } },
      (res) => {
        res.resume()
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: (res.headers.location as string) ?? null,
          }),
        )
      },
    )
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')))
    req.on('error', () => resolve({ status: 0, location: null }))
  })
}

/** Redirects followed on the successor after the old address's own. */
const MAX_HOPS = 2

export type AddressCheck = {
  checked: number
  /** Old addresses that did not answer as the mapping says, one sentence each. */
  failures: string[]
}

/**
 * Requests every old address of a retired site (exact rows) through this platform's public
 * server with the old Host: each must answer 301 to a page that answers 200, or 410 with an
 * archived copy that answers 200.
 */
export async function checkOldAddresses(
  payload: Payload,
  site: Id,
  { port, hostOf }: { port: number; hostOf: (site: Id) => string | null },
): Promise<AddressCheck> {
  const oldHost = hostOf(site)
  if (!oldHost) return { checked: 0, failures: ['原站点没有可访问的域名'] }
  const rows = await findAllSelected(payload, {
    collection: URL_MAPPINGS,
    where: { and: [{ site: { equals: site } }, { match: { equals: 'exact' } }] },
    select: ['fromPath', 'status', 'toSite', 'toPath'],
    sort: 'fromPath',
  })
  const base = `http://127.0.0.1:${port}`
  const failures: string[] = []
  for (const r of rows) {
    const first = await get(base + r.fromPath, oldHost)
    const want = Number(r.status)
    if (first.status !== want) {
      failures.push(`${r.fromPath}：应答 ${first.status || '无'}，应为 ${want}`)
      continue
    }
    const target = want === 301 ? first.location : r.toPath
    const toHost = hostOf(idOf(r.toSite)!)
    if (!target || !toHost) {
      failures.push(`${r.fromPath}：没有新地址`)
      continue
    }
    // The new page may itself send on once or twice (a section's list to its catalogue).
    let url = new URL(target, `http://${toHost}`)
    let reply = await get(base + url.pathname + url.search, url.host)
    for (let hop = 0; hop < MAX_HOPS && reply.status === 301 && reply.location; hop++) {
      url = new URL(reply.location, url)
      reply = await get(base + url.pathname + url.search, url.host)
    }
    if (reply.status !== 200)
      failures.push(
        `${r.fromPath} → ${url.pathname}${url.search}：应答 ${reply.status || '无'}，应为 200`,
      )
  }
  return { checked: rows.length, failures }
}

/** The Host each site answers on here: its first domain, else `<slug>.localhost` where served. */
export async function siteHosts(
  payload: Payload,
  { devHosts }: { devHosts: boolean },
): Promise<(site: Id) => string | null> {
  const sites = await findAllSelected(payload, { collection: SITES, select: ['slug', 'domains'] })
  return (site) => {
    const s = sites.find((x) => sameId(x.id, site))
    if (!s) return null
    return s.domains?.[0]?.domain ?? (devHosts ? `${s.slug}.localhost` : null)
  }
}

export const CHECK_ACTION = 'site.retire-check'

/** Checks the old addresses and keeps the outcome in the audit trail. */
export async function checkAndRecord(
  payload: Payload,
  site: Id,
  { port, devHosts, by }: { port: number; devHosts: boolean; by?: Actor },
): Promise<AddressCheck> {
  // The site as stored (an id from a URL is a string; the relation wants the stored id).
  const stored = await findAllSelected(payload, {
    collection: SITES,
    where: { id: { equals: site } },
    select: ['slug'],
  })
  if (!stored[0]) return { checked: 0, failures: ['站点不存在'] }
  site = stored[0].id
  const check = await checkOldAddresses(payload, site, {
    port,
    hostOf: await siteHosts(payload, { devHosts }),
  })
  await recordAudit(payload, {
    action: CHECK_ACTION,
    outcome: check.failures.length ? 'failure' : 'success',
    user: by?.user ?? null,
    userEmail: by?.userEmail ?? null,
    site,
    target: `${SITES}:${site}`,
    detail: check,
  })
  return check
}

/** What the audit trail says of a site's retirement: the action's counts and the last check. */
export async function retirementRecord(payload: Payload, site: Id) {
  const last = async (actions: readonly string[]) =>
    (
      await findSelected(payload, {
        collection: AUDIT_EVENTS,
        where: { and: [{ site: { equals: site } }, { action: { in: [...actions] } }] },
        sort: '-seq',
        limit: 1,
        pagination: false,
        select: ['at', 'action', 'userEmail', 'detail'],
      })
    ).docs[0]
  const [action, check] = await Promise.all([last(RETIRE_ACTIONS), last([CHECK_ACTION])])
  const detail = (action?.detail ?? {}) as {
    before?: Counts
    after?: Counts
    moved?: Id[]
    archived?: Id[]
    mappings?: number
  }
  return {
    action: action
      ? {
          at: action.at,
          by: action.userEmail ?? null,
          before: detail.before ?? null,
          after: detail.after ?? null,
          moved: detail.moved?.length ?? 0,
          archived: detail.archived?.length ?? 0,
          mappings: detail.mappings ?? 0,
        }
      : null,
    check: check ? { at: check.at, ...(check.detail as AddressCheck) } : null,
  }
}

// 站外链接检查: fetches every address on another website that a published page links to, politely
// (a few requests at once per website, an interval between them, a deadline, one retry with a
// browser's headers before calling an address dead), and keeps one answer per address in
// `link-checks` with the sites and pages that use it. Answers younger than the cache lifetime
// are not asked again. The rules of what an answer means are src/domain/link-check.ts.
import type { Payload } from 'payload'

import type { Id } from '../domain/ids'
import {
  type Attempt,
  checkableUrl,
  isFresh,
  judge,
  LINK_CHECK_DEFAULTS,
  type LinkVerdict,
} from '../domain/link-check'
import { bodyLinks } from '../domain/prepublish'
import { ARTICLES, COLUMNS, LINK_CHECKS } from '../domain/slugs'
import { isElsewhere } from './link-status'
import { scanSelected } from './records'

export type LinkCheckOptions = {
  now?: Date
  cacheHours?: number
  /** Requests at once to one website, and the least time between two of them starting. */
  perHost?: number
  intervalMs?: number
  timeoutMs?: number
  /** Websites checked at once. */
  hostsAtOnce?: number
}

/** Who asks first: the checker under its own name. */
const CHECKER_HEADERS = { 'user-agent': 'Jiyue-LinkChecker/1.0 (government website audit)' }

/** The retry: as a browser asks (sites that refuse programs answer it). */
export const BROWSER_HEADERS = {
  'user-agent':
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5',
}

/** Where each external address is used: the sites and the pages (`/<column path>/<id>.html`). */
export async function externalLinkUses(
  payload: Payload,
): Promise<Map<string, { sites: Map<string, Id>; pages: Set<string> }>> {
  const columns = await scanSelected(payload, { collection: COLUMNS, select: ['path'] })
  const pathOf = new Map(columns.map((c) => [String(c.id), c.path ?? '']))
  const uses = new Map<string, { sites: Map<string, Id>; pages: Set<string> }>()
  // Published bodies with links (marked on save), 2,000 at a time in id order.
  for (let after: Id = 0; ;) {
    const page: { id: Id; site?: Id | null; columns?: Id[] | null; body?: unknown }[] =
      await scanSelected(payload, {
        collection: ARTICLES,
        where: {
          and: [
            { state: { equals: 'published' } },
            { hasLinks: { not_equals: false } },
            { id: { greater_than: after } },
          ],
        },
        select: ['site', 'columns', 'body'],
        sort: 'id',
        limit: 2000,
      })
    for (const a of page)
      for (const link of bodyLinks(a.body)) {
        const url = isElsewhere(link) ? checkableUrl(link.url) : null
        if (!url) continue
        const use = uses.get(url) ?? { sites: new Map(), pages: new Set() }
        if (a.site != null) use.sites.set(String(a.site), a.site)
        use.pages.add(
          `/${pathOf.get(String(a.columns?.[0])) ?? ''}/${a.id}.html`.replace('//', '/'),
        )
        uses.set(url, use)
      }
    if (page.length < 2000) return uses
    after = page[page.length - 1].id
  }
}

/** Redirects followed, each hop waiting for the website's turn like a request. */
const MAX_HOPS = 5

/** One request: the final status after redirects, or why there was none. */
async function attempt(
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
  slot: () => Promise<void>,
): Promise<Attempt> {
  try {
    for (let hop = 0, at = url; ; hop++) {
      await slot()
      const res = await fetch(at, {
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      })
      // Only the status matters: the body is not read.
      await res.body?.cancel().catch(() => {})
      const location = res.headers.get('location')
      if (res.status < 300 || res.status >= 400 || !location) return { status: res.status }
      if (hop === MAX_HOPS) return { error: `重定向超过 ${MAX_HOPS} 次` }
      at = new URL(location, at).href
    }
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } }
    const error =
      err.name === 'TimeoutError'
        ? `超时（${timeoutMs / 1000} 秒）`
        : (err.cause?.code ?? err.message)
    return { error }
  }
}

export type LinkAnswer = {
  url: string
  status: LinkVerdict
  httpStatus: number | null
  error: string | null
  retried: boolean
}

/**
 * Checks one address: asks, and once more as a browser when the answer calls for it;
 * `slot` waits for the website's next turn before each request.
 */
export async function checkLink(
  url: string,
  timeoutMs: number,
  slot: () => Promise<void> = async () => {},
): Promise<LinkAnswer> {
  let answer = await attempt(url, CHECKER_HEADERS, timeoutMs, slot)
  const first = judge(answer, false)
  if (first === 'retry') {
    answer = await attempt(url, BROWSER_HEADERS, timeoutMs, slot)
  }
  return {
    url,
    status: first === 'retry' ? (judge(answer, true) as LinkVerdict) : first,
    httpStatus: 'status' in answer ? answer.status : null,
    error: 'error' in answer ? answer.error : null,
    retried: first === 'retry',
  }
}

/**
 * Checks addresses grouped by website: `hostsAtOnce` websites in parallel, within one website
 * `perHost` requests at once and `intervalMs` between two starting.
 */
export async function checkLinks(
  urls: readonly string[],
  {
    perHost = LINK_CHECK_DEFAULTS.perHost,
    intervalMs = LINK_CHECK_DEFAULTS.intervalMs,
    timeoutMs = LINK_CHECK_DEFAULTS.timeoutMs,
    hostsAtOnce = LINK_CHECK_DEFAULTS.hostsAtOnce,
  }: LinkCheckOptions = {},
  onAnswer: (a: LinkAnswer) => Promise<void>,
): Promise<void> {
  const byHost = new Map<string, string[]>()
  for (const url of urls) {
    const host = new URL(url).host
    byHost.set(host, [...(byHost.get(host) ?? []), url])
  }
  const host = async (queue: string[]) => {
    let nextStart = 0
    // Take the website's next start time, then wait for it (retries too).
    const slot = async () => {
      const at = Math.max(Date.now(), nextStart)
      nextStart = at + intervalMs
      if (at > Date.now()) await new Promise((r) => setTimeout(r, at - Date.now()))
    }
    const worker = async () => {
      for (let url = queue.shift(); url; url = queue.shift())
        await onAnswer(await checkLink(url, timeoutMs, slot))
    }
    await Promise.all(Array.from({ length: Math.min(perHost, queue.length) }, worker))
  }
  const hosts = [...byHost.values()]
  const next = async () => {
    for (let q = hosts.shift(); q; q = hosts.shift()) await host(q)
  }
  await Promise.all(Array.from({ length: Math.min(hostsAtOnce, hosts.length) }, next))
}

/** The nightly run: every external address in use, asked unless its answer is still fresh. */
export async function checkExternalLinks(
  payload: Payload,
  options: LinkCheckOptions = {},
): Promise<{ inUse: number; checked: number; fresh: number; dead: number; unreachable: number }> {
  const now = options.now ?? new Date()
  const cacheHours = options.cacheHours ?? LINK_CHECK_DEFAULTS.cacheHours
  const uses = await externalLinkUses(payload)
  const urls = [...uses.keys()]
  const stored = new Map<string, { id: Id; checkedAt?: string | null }>()
  for (let i = 0; i < urls.length; i += 500)
    for (const row of await scanSelected(payload, {
      collection: LINK_CHECKS,
      where: { url: { in: urls.slice(i, i + 500) } },
      select: ['url', 'checkedAt'],
    }))
      stored.set(row.url, row)
  const due = urls.filter((u) => !isFresh(stored.get(u)?.checkedAt, now, cacheHours))
  const tally = {
    inUse: urls.length,
    checked: 0,
    fresh: urls.length - due.length,
    dead: 0,
    unreachable: 0,
  }
  await checkLinks(due, options, async (answer) => {
    const use = uses.get(answer.url)!
    const data = {
      ...answer,
      host: new URL(answer.url).host,
      checkedAt: new Date().toISOString(),
      sites: [...use.sites.values()],
      pages: [...use.pages].sort(),
    }
    const row = stored.get(answer.url)
    if (row)
      await payload.update({ collection: LINK_CHECKS, id: row.id, data, overrideAccess: true })
    else await payload.create({ collection: LINK_CHECKS, data, overrideAccess: true })
    tally.checked++
    if (answer.status === 'dead') tally.dead++
    if (answer.status === 'unreachable') tally.unreachable++
  })
  return tally
}

/** The stored answers for addresses (the audit's read), by address. */
export async function linkAnswers(payload: Payload, urls: readonly string[]) {
  const out = new Map<
    string,
    { status: LinkVerdict; httpStatus?: number | null; error?: string | null }
  >()
  for (let i = 0; i < urls.length; i += 500)
    for (const row of await scanSelected(payload, {
      collection: LINK_CHECKS,
      where: { url: { in: urls.slice(i, i + 500) } },
      select: ['url', 'status', 'httpStatus', 'error'],
    }))
      out.set(row.url, row)
  return out
}

// Decides which site a request's Host belongs to, and what a site's public address is.

export type SiteStatus = 'active' | 'rectifying' | 'closed' | 'merged'

export type SiteFacts = {
  id: string | number
  slug: string
  domains: string[]
  status: SiteStatus
}

/** Normalise a Host header: lower case, no port, no trailing dot. */
export function normaliseHost(host: string | undefined | null): string {
  if (!host) return ''
  let h = host.trim().toLowerCase()
  if (h.startsWith('[')) {
    const end = h.indexOf(']')
    return end > 0 ? h.slice(0, end + 1) : h
  }
  h = h.replace(/:\d+$/, '')
  return h.replace(/\.$/, '')
}

/** Hosts that show the platform's own pages (directory, sites.json) rather than a site. */
export const PLATFORM_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

export type HostMatch<S> =
  { kind: 'platform' } | { kind: 'site'; site: S } | { kind: 'unknown'; host: string }

/**
 * A site answers on each of its configured domains and, for development, on
 * `<slug>.localhost`. The platform answers on localhost and on its own configured hosts.
 */
export function matchHost<S extends SiteFacts>({
  host,
  sites,
  platformHosts = [],
}: {
  host: string | undefined | null
  sites: S[]
  platformHosts?: string[]
}): HostMatch<S> {
  const h = normaliseHost(host)
  if (PLATFORM_HOSTS.has(h) || platformHosts.map(normaliseHost).includes(h)) {
    return { kind: 'platform' }
  }
  for (const site of sites) {
    if (site.domains.some((d) => normaliseHost(d) === h)) return { kind: 'site', site }
  }
  const dev = /^([a-z0-9][a-z0-9-]*)\.localhost$/.exec(h)
  if (dev) {
    const site = sites.find((s) => s.slug === dev[1])
    if (site) return { kind: 'site', site }
  }
  return { kind: 'unknown', host: h }
}

/** The public origin of a site: its first domain, or `<slug>.localhost:<port>` in development. */
export function siteOrigin({
  site,
  port,
  protocol = 'http',
}: {
  site: Pick<SiteFacts, 'slug' | 'domains'>
  port?: number | string
  protocol?: 'http' | 'https'
}): string {
  const domain = site.domains[0]
  if (domain) return `${protocol}://${domain}`
  return `http://${site.slug}.localhost${port ? `:${port}` : ''}`
}

/**
 * The origin to link a reader to: on a development address (`*.localhost`, localhost) the
 * other sites' development addresses, with the reader's port; otherwise their real domains.
 */
export function linkOrigin({
  site,
  requestHost,
  port,
}: {
  site: Pick<SiteFacts, 'slug' | 'domains'>
  requestHost: string | undefined | null
  port?: number | string
}): string {
  if (isDevHost(requestHost)) {
    const given = hostPort(requestHost) ?? (port != null ? String(port) : '')
    return `http://${site.slug}.localhost${given ? `:${given}` : ''}`
  }
  return siteOrigin({ site, port })
}

/** A development address: localhost, `*.localhost` or a loopback IP. */
export function isDevHost(requestHost: string | undefined | null): boolean {
  const host = normaliseHost(requestHost)
  return PLATFORM_HOSTS.has(host) || host.endsWith('.localhost')
}

/** The port written in a Host header, if any. */
export const hostPort = (requestHost: string | undefined | null): string | undefined =>
  /:(\d+)$/.exec((requestHost ?? '').trim())?.[1]

/** Sites listed publicly: those still serving their own content. */
export const isListed = (status: SiteStatus): boolean =>
  status === 'active' || status === 'rectifying'

/** 网站标识码: ten digits. */
export const isSiteIdCode = (value: string): boolean => /^\d{10}$/.test(value)

/** A site slug: lower-case letters, digits and hyphens; becomes `<slug>.localhost`. */
export const isSiteSlug = (value: string): boolean =>
  /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/.test(value)

/** A domain name as typed by an admin (no scheme, no path). */
export const isDomainName = (value: string): boolean =>
  /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(value)

// Decides which site a request's Host belongs to, and what a site's public address is.

export type SiteStatus = 'active' | 'rectifying' | 'closed' | 'merged'

export const SITE_STATUS_LABELS: Record<SiteStatus, string> = {
  active: '运行中',
  rectifying: '整改中',
  closed: '已关停',
  merged: '已整合',
}

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
 * A site answers on each of its configured domains and, where the platform serves development
 * hosts (`devHosts`, settings DEV_HOSTS), on `<slug>.localhost`. The platform answers on
 * localhost and on its own configured hosts.
 */
export function matchHost<S extends SiteFacts>({
  host,
  sites,
  platformHosts = [],
  devHosts = false,
}: {
  host: string | undefined | null
  sites: S[]
  platformHosts?: string[]
  devHosts?: boolean
}): HostMatch<S> {
  const h = normaliseHost(host)
  if (PLATFORM_HOSTS.has(h) || platformHosts.map(normaliseHost).includes(h)) {
    return { kind: 'platform' }
  }
  for (const site of sites) {
    if (site.domains.some((d) => normaliseHost(d) === h)) return { kind: 'site', site }
  }
  const dev = devHosts ? /^([a-z0-9][a-z0-9-]*)\.localhost$/.exec(h) : null
  if (dev) {
    const site = sites.find((s) => s.slug === dev[1])
    if (site) return { kind: 'site', site }
  }
  return { kind: 'unknown', host: h }
}

/** A site's development address, on the server's own port (never one a request names). */
export const devOrigin = (slug: string, port?: number | string): string =>
  `http://${slug}.localhost${port ? `:${port}` : ''}`

/** The public origin of a site: its first domain, or its development address. */
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
  return devOrigin(site.slug, port)
}

/**
 * The origin to link a reader to. A reader on a development address (`dev`) is sent to the
 * other sites' development addresses on the server's own port; everyone else to their real
 * domains. Nothing here comes from the request but that one yes/no, and the cache key carries
 * it, so a cached page holds no address a client chose.
 */
export function linkOrigin({
  site,
  dev,
  port,
}: {
  site: Pick<SiteFacts, 'slug' | 'domains'>
  dev: boolean
  port?: number | string
}): string {
  return dev ? devOrigin(site.slug, port) : siteOrigin({ site, port })
}

/**
 * A development address: localhost, `*.localhost` or a loopback IP — and only where the
 * platform serves development hosts at all.
 */
export function isDevHost(requestHost: string | undefined | null, devHosts: boolean): boolean {
  if (!devHosts) return false
  const host = normaliseHost(requestHost)
  return PLATFORM_HOSTS.has(host) || host.endsWith('.localhost')
}

/**
 * A path of this site to link back to (care-mode switch, breadcrumbs, canonical): one leading
 * `/`, no backslashes, no doubled slashes, no characters browsers drop. `//evil.example/x`,
 * `/\evil.example/x` and `/<TAB>/evil.example` all become paths on this site.
 */
export function localPath(path: string | undefined | null): string {
  const cleaned = String(path ?? '')
    // Browsers drop tabs and line breaks inside URLs, and read `\` as `/`.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
  return cleaned.startsWith('/') ? cleaned : `/${cleaned}`
}

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

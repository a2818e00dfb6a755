// Links to other websites (站外链接), checked over HTTP for the site audit: which addresses are
// checked, what an answer means, when an answer is worth asking again with a browser's headers,
// and how long a stored answer holds. The HTTP client is src/services/external-links.ts.

export type LinkVerdict = 'ok' | 'dead' | 'unreachable'

export const LINK_VERDICT_LABELS: Record<LinkVerdict, string> = {
  ok: '可访问',
  dead: '不可用',
  unreachable: '无法连接',
}

/** Defaults of the checker: a stored answer's lifetime, per-host politeness, the deadline. */
export const LINK_CHECK_DEFAULTS = {
  cacheHours: 4,
  perHost: 2,
  intervalMs: 1000,
  timeoutMs: 10_000,
  hostsAtOnce: 8,
} as const

/** The address to check for a link, or null when it is not a web address (mailto:, tel:, #…). */
export function checkableUrl(url: string): string | null {
  let u: URL
  try {
    u = new URL(url.trim())
  } catch {
    return null
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
  u.hash = ''
  return u.href
}

/** One attempt's outcome: the final HTTP status after redirects, or the error. */
export type Attempt = { status: number } | { error: string }

/**
 * What an attempt says. 'retry': ask once more with a browser's headers before judging (many
 * sites answer 403 or 404 to programs, or time out once); after the retry the same answer is
 * final. 2xx is live, and so is 401 (the page exists behind a login).
 */
export function judge(attempt: Attempt, retried: boolean): LinkVerdict | 'retry' {
  if ('error' in attempt) return retried ? 'unreachable' : 'retry'
  const s = attempt.status
  if ((s >= 200 && s < 300) || s === 401) return 'ok'
  if (!retried && (s === 403 || s === 404 || s === 405 || s === 429 || s >= 500)) return 'retry'
  if (s >= 500) return 'unreachable'
  return 'dead'
}

/** Whether an answer checked at `checkedAt` still holds at `now`. */
export const isFresh = (checkedAt: string | null | undefined, now: Date, cacheHours: number) =>
  Boolean(checkedAt) && now.getTime() - new Date(checkedAt!).getTime() < cacheHours * 3_600_000

/** The evidence line of a dead link. */
export const deadLinkLine = (
  url: string,
  pages: readonly string[],
  answer?: { httpStatus?: number | null; error?: string | null },
) => {
  const why = answer?.httpStatus ? `${answer.httpStatus}，` : answer?.error ? '无法连接，' : ''
  return `${url}（${why}出现在：${pages.join('、')}）`
}

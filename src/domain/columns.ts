// Decides column paths and update classes (栏目更新类别).

export const UPDATE_CLASSES = {
  news: { label: '动态要闻类（2 周）', maxAgeDays: 14 },
  'notice-policy': { label: '通知公告、政策文件类（6 个月）', maxAgeDays: 183 },
  'personnel-plan': { label: '人事、规划计划类（1 年）', maxAgeDays: 365 },
  interaction: { label: '互动交流类', maxAgeDays: null },
  static: { label: '机构概况等静态类', maxAgeDays: null },
} as const

export type UpdateClass = keyof typeof UPDATE_CLASSES

/** Reserved first path segments that a column may not take. */
export const RESERVED_SEGMENTS = new Set([
  'admin',
  'api',
  'files',
  'assets',
  'xxgk',
  'ysqgk',
  'hdjl',
  'search',
  'jiucuo',
  'ld',
  'preview',
  'archive',
  'rss.xml',
  'feed.json',
  'sitemap.xml',
  'sites.json',
  'robots.txt',
  'favicon.ico',
  'healthz',
  '_next',
])

export const isColumnSlug = (slug: string): boolean => /^[a-z0-9][a-z0-9-]{0,40}$/.test(slug)

/** A column's path is its ancestors' slugs and its own, joined by '/'. */
export const columnPath = (parentPath: string | null | undefined, slug: string): string =>
  parentPath ? `${parentPath}/${slug}` : slug

export function columnSlugProblems({
  slug,
  parentPath,
}: {
  slug: string
  parentPath?: string | null
}): string[] {
  const problems: string[] = []
  if (!isColumnSlug(slug)) problems.push('栏目代号只能包含小写字母、数字和连字符')
  if (!parentPath && RESERVED_SEGMENTS.has(slug))
    problems.push(`“${slug}”是系统保留路径，不能用作栏目代号`)
  return problems
}

// Decides who may do what on which site. Pure: no Payload, no database.
import { type Id, idOf, idsOf, sameId } from './ids'

export const PLATFORM_ROLES = ['platform-admin', 'auditor'] as const
export const SITE_ROLES = ['site-admin', 'editor', 'reviewer', 'signer', 'handler'] as const

export type PlatformRole = (typeof PLATFORM_ROLES)[number]
export type SiteRole = (typeof SITE_ROLES)[number]
export type SiteId = Id

export type Actor = {
  id: SiteId
  platformRoles?: PlatformRole[] | null
  sites?: { site: SiteId | { id: SiteId }; roles?: SiteRole[] | null }[] | null
}

/** A signed-in user as an Actor; anything else (no user, a bare value) is nobody. */
export const toActor = (user: unknown): Actor | null =>
  user && typeof user === 'object' && 'id' in user ? (user as Actor) : null

export const PLATFORM_ROLE_LABELS: Record<PlatformRole, string> = {
  'platform-admin': '平台管理员',
  auditor: '监管员',
}

export const SITE_ROLE_LABELS: Record<SiteRole, string> = {
  'site-admin': '站点管理员',
  editor: '编辑',
  reviewer: '审核人',
  signer: '签发人',
  handler: '信箱/申请办理人',
}

export const isPlatformAdmin = (actor?: Actor | null): boolean =>
  Boolean(actor?.platformRoles?.includes('platform-admin'))

export const isAuditor = (actor?: Actor | null): boolean =>
  Boolean(actor?.platformRoles?.includes('auditor'))

/** Platform admins and auditors read every site. */
export const canReadAllSites = (actor?: Actor | null): boolean =>
  isPlatformAdmin(actor) || isAuditor(actor)

/** The sites on which the actor holds any of the given roles (any role when none given). */
export function sitesWithRole(actor: Actor | null | undefined, ...roles: SiteRole[]): SiteId[] {
  if (!actor?.sites) return []
  const ids = idsOf(
    actor.sites
      .filter((row) => roles.length === 0 || (row.roles ?? []).some((r) => roles.includes(r)))
      .map((row) => row.site),
  )
  return [...new Set(ids.map(String))].map((id) => ids.find((x) => String(x) === id) as SiteId)
}

export const hasSiteRole = (
  actor: Actor | null | undefined,
  site: SiteId | { id: SiteId } | null | undefined,
  ...roles: SiteRole[]
): boolean => {
  if (site == null) return false
  return sitesWithRole(actor, ...roles).some((id) => sameId(id, site))
}

/** Who may change a given kind of record on a site. One table, read by every collection. */
export const WRITE_RULES = {
  site: ['site-admin'],
  column: ['site-admin'],
  article: ['site-admin', 'editor', 'reviewer', 'signer'],
  articleCreate: ['site-admin', 'editor'],
  articleDelete: ['site-admin'],
  upload: ['site-admin', 'editor'],
  uploadDelete: ['site-admin'],
  user: ['site-admin'],
  request: ['site-admin', 'handler'],
  letter: ['site-admin', 'handler'],
  errorReport: ['site-admin', 'handler'],
  mailbox: ['site-admin'],
  annualReport: ['site-admin'],
  /** Accepting another site's article into a column is publishing it here. */
  shareDecision: ['site-admin', 'reviewer', 'signer'],
} as const satisfies Record<string, readonly SiteRole[]>

export type WriteRule = keyof typeof WRITE_RULES

/** Whether the actor may write this kind of record on this site. */
export const canWriteOnSite = (
  actor: Actor | null | undefined,
  rule: WriteRule,
  site: SiteId | { id: SiteId } | null | undefined,
): boolean => isPlatformAdmin(actor) || hasSiteRole(actor, site, ...WRITE_RULES[rule])

/** The sites where the actor may write this kind of record (platform admins: all, as `true`). */
export const writableSites = (actor: Actor | null | undefined, rule: WriteRule): true | SiteId[] =>
  isPlatformAdmin(actor) ? true : sitesWithRole(actor, ...WRITE_RULES[rule])

/** Any staff role on the site lets a person read its unpublished content. */
export const readableSites = (actor: Actor | null | undefined): true | SiteId[] =>
  canReadAllSites(actor) ? true : sitesWithRole(actor)

/**
 * What a site admin may change in a user's role rows: only rows of sites they administer,
 * and never platform roles. Returns the sentences that refuse the change.
 */
export function roleChangeBlockers({
  actor,
  before,
  after,
}: {
  actor: Actor
  before: Pick<Actor, 'platformRoles' | 'sites'> | null
  after: Pick<Actor, 'platformRoles' | 'sites'>
}): string[] {
  if (isPlatformAdmin(actor)) return []
  const reasons: string[] = []
  const norm = (roles?: PlatformRole[] | null) => [...(roles ?? [])].sort().join(',')
  if (norm(before?.platformRoles) !== norm(after.platformRoles)) {
    reasons.push('只有平台管理员可以设置平台角色')
  }
  const administered = new Set(sitesWithRole(actor, 'site-admin').map(String))
  const rowsBySite = (a: Pick<Actor, 'sites'> | null) => {
    const map = new Map<string, string>()
    for (const row of a?.sites ?? []) {
      if (row.site == null) continue
      const key = String(idOf(row.site))
      map.set(
        key,
        [...(map.get(key)?.split(',').filter(Boolean) ?? []), ...(row.roles ?? [])]
          .sort()
          .join(','),
      )
    }
    return map
  }
  const b = rowsBySite(before)
  const a = rowsBySite(after)
  for (const site of new Set([...b.keys(), ...a.keys()])) {
    if (b.get(site) !== a.get(site) && !administered.has(site)) {
      reasons.push('只能为自己管理的站点分配或撤销角色')
      break
    }
  }
  return reasons
}

/**
 * Whose login lock the actor may lift: platform admins anyone's; a site admin only the staff of
 * a site they administer, never platform staff. (Payload's default lets any logged-in person
 * unlock anyone, so an editor could keep resetting a platform admin's lock during an attack.)
 */
export const unlockableSites = (actor: Actor | null | undefined): true | SiteId[] =>
  isPlatformAdmin(actor) ? true : sitesWithRole(actor, 'site-admin')

/** Sentences refusing to unlock `target` (null: no such account, answered like a stranger's). */
export function unlockBlockers({
  actor,
  target,
}: {
  actor: Actor | null | undefined
  target: Pick<Actor, 'platformRoles' | 'sites'> | null
}): string[] {
  if (!actor) return ['请先登录']
  if (isPlatformAdmin(actor)) return []
  const administered = new Set(sitesWithRole(actor, 'site-admin').map(String))
  if (!administered.size) return ['只有平台管理员和站点管理员可以解锁账号']
  if (target?.platformRoles?.length) return ['只有平台管理员可以解锁平台管理员或监管员的账号']
  const theirs = target ? sitesWithRole({ id: 0, ...target }).map(String) : []
  if (!theirs.some((s) => administered.has(s))) return ['只能解锁本站人员的账号']
  return []
}

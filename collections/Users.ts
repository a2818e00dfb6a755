import {
  APIError,
  type Access,
  type CollectionAfterLoginHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type Where,
} from 'payload'

import {
  type Actor,
  canReadAllSites,
  isPlatformAdmin,
  PLATFORM_ROLE_LABELS,
  PLATFORM_ROLES,
  roleChangeBlockers,
  SITE_ROLE_LABELS,
  SITE_ROLES,
  sitesWithRole,
  unlockableSites,
  unlockBlockers,
} from '../src/domain/permissions'
import {
  clientAddress,
  loginAttempt,
  loginSucceeded,
  spendPasswordTime,
} from '../src/services/login-limits'
import { settings } from '../src/settings'
import { isPlatformAdminAccess, toActor } from './access'
import { loginAttemptsOf, normalEmail } from './hooks/audit'
import { SITES, USERS } from './slugs'

/** The actor themself, and anyone holding a role on a site the actor administers. */
const selfOrPeopleOfMySites = (actor: Actor): Where => {
  const self: Where = { id: { equals: actor.id } }
  const sites = sitesWithRole(actor, 'site-admin')
  return sites.length ? { or: [self, { 'sites.site': { in: sites } }] } : self
}

/** Platform staff see everyone; a site admin sees the people of their sites; everyone sees themself. */
const readUsers: Access = ({ req }) => {
  const actor = toActor(req.user)
  if (!actor) return false
  if (canReadAllSites(actor)) return true
  return selfOrPeopleOfMySites(actor)
}

const updateUsers: Access = ({ req }) => {
  const actor = toActor(req.user)
  if (!actor) return false
  if (isPlatformAdmin(actor)) return true
  return selfOrPeopleOfMySites(actor)
}

const createUsers: Access = ({ req }) => {
  const actor = toActor(req.user)
  return isPlatformAdmin(actor) || sitesWithRole(actor, 'site-admin').length > 0
}

/** A site admin may grant and revoke roles only on sites they administer. */
const guardRoles: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const actor = toActor(req.user)
  if (!actor) return data // seeding and scripts run without a user
  const before = (originalDoc ?? null) as Pick<Actor, 'platformRoles' | 'sites'> | null
  const after = {
    platformRoles: data.platformRoles !== undefined ? data.platformRoles : before?.platformRoles,
    sites: data.sites !== undefined ? data.sites : before?.sites,
  }
  const reasons = roleChangeBlockers({ actor, before, after })
  if (reasons.length) throw new APIError(reasons.join('；'), 403, null, true)
  return data
}

/** Platform admins unlock anyone; a site admin the people of their sites (the query), … */
const unlockUsers: Access = ({ req }) => {
  const sites = unlockableSites(toActor(req.user))
  if (sites === true) return true
  return sites.length ? { 'sites.site': { in: sites } } : false
}

type LoginArgs = { data?: { email?: unknown; password?: unknown } }

/**
 * … but never platform staff (src/domain/permissions `unlockBlockers`). Logins: the
 * per-address limit first (before the password is checked and before the account's own lock),
 * then as much time for an unknown or locked account as for a wrong password.
 */
const guardAuth: CollectionBeforeOperationHook = async ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  const data = (args as LoginArgs).data
  if (operation === 'unlock' && !overrideAccess) {
    const email = normalEmail(data?.email)
    const target = email
      ? await req.payload.db.findOne<Pick<Actor, 'id' | 'platformRoles' | 'sites'>>({
          collection: USERS,
          where: { email: { equals: email } },
          req,
        })
      : null
    const reasons = unlockBlockers({ actor: toActor(req.user), target })
    if (reasons.length) throw new APIError(reasons.join('；'), 403, null, true)
  }
  if (operation === 'login') {
    const email = normalEmail(data?.email)
    const ip = clientAddress(req.headers)
    const attempt = { email, ip, outcome: 'pending' as const }
    loginAttemptsOf(req).push(attempt)
    if (ip) {
      const answer = await loginAttempt(req.payload, ip)
      if (!answer.ok) {
        ;(attempt as { outcome: string }).outcome = 'limited'
        req.responseHeaders ??= new Headers()
        req.responseHeaders.set('Retry-After', String(answer.retryAfterSeconds))
        throw new APIError(answer.message, 429, null, true)
      }
    }
    if (email) {
      const user = await req.payload.db.findOne<{ id: string | number; lockUntil?: string | null }>(
        {
          collection: USERS,
          where: { email: { equals: email } },
          select: { lockUntil: true },
          req,
        },
      )
      const locked = user?.lockUntil && new Date(user.lockUntil).getTime() > Date.now()
      if (!user || locked) await spendPasswordTime(data?.password)
    }
  }
  return args
}

/** A successful login gives its address back the point its attempt took. */
const loginCounted: CollectionAfterLoginHook = async ({ req, user }) => {
  const ip = clientAddress(req.headers)
  if (ip) await loginSucceeded(req.payload, ip)
  return user
}

export const Users: CollectionConfig = {
  slug: USERS,
  labels: { singular: '用户', plural: '用户' },
  auth: {
    // 同一账号连续登录失败 20 次锁定 15 分钟，高于每个地址 15 分钟内 10 次的限制
    // （src/services/login-limits.ts），一个陌生地址锁不住工作人员；会话 2 小时无操作失效。
    maxLoginAttempts: settings.loginMaxAttempts,
    lockTime: settings.loginLockMinutes * 60 * 1000,
    tokenExpiration: settings.sessionIdleMinutes * 60,
    // Secure from SERVER_URL's scheme (always in production without one): never sent over plain HTTP.
    cookies: { sameSite: 'Lax', secure: settings.secureCookies },
  },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'platformRoles'], group: '平台' },
  access: {
    read: readUsers,
    create: createUsers,
    update: updateUsers,
    delete: isPlatformAdminAccess,
    unlock: unlockUsers,
    admin: ({ req }) => Boolean(req.user),
  },
  hooks: {
    beforeOperation: [guardAuth],
    beforeChange: [guardRoles],
    afterLogin: [loginCounted],
  },
  fields: [
    { name: 'name', label: '姓名', type: 'text', required: true },
    {
      name: 'platformRoles',
      label: '平台角色',
      type: 'select',
      hasMany: true,
      options: PLATFORM_ROLES.map((value) => ({ value, label: PLATFORM_ROLE_LABELS[value] })),
      saveToJWT: true,
    },
    {
      name: 'sites',
      label: '站点角色',
      type: 'array',
      saveToJWT: true,
      labels: { singular: '站点角色', plural: '站点角色' },
      fields: [
        { name: 'site', label: '站点', type: 'relationship', relationTo: SITES, required: true },
        {
          name: 'roles',
          label: '角色',
          type: 'select',
          hasMany: true,
          required: true,
          options: SITE_ROLES.map((value) => ({ value, label: SITE_ROLE_LABELS[value] })),
        },
      ],
    },
  ],
}

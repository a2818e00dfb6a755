import {
  APIError,
  type Access,
  type CollectionBeforeChangeHook,
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
} from '../src/domain/permissions'
import { isPlatformAdminAccess, toActor } from './access'
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

export const Users: CollectionConfig = {
  slug: USERS,
  labels: { singular: '用户', plural: '用户' },
  auth: {
    // 登录失败 5 次锁定 15 分钟；会话 2 小时无操作失效（令牌有效期）。
    maxLoginAttempts: Number(process.env.LOGIN_MAX_ATTEMPTS ?? 5),
    lockTime: Number(process.env.LOGIN_LOCK_MINUTES ?? 15) * 60 * 1000,
    tokenExpiration: Number(process.env.SESSION_IDLE_MINUTES ?? 120) * 60,
    cookies: { sameSite: 'Lax' },
  },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'platformRoles'], group: '平台' },
  access: {
    read: readUsers,
    create: createUsers,
    update: updateUsers,
    delete: isPlatformAdminAccess,
    admin: ({ req }) => Boolean(req.user),
  },
  hooks: { beforeChange: [guardRoles] },
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

// Payload adapters over src/domain/permissions: each returns true/false or a query, so lists
// are filtered by the database.
import type { Access, Field, FieldAccess, Where } from 'payload'

import {
  canReadAllSites,
  canWriteOnSite,
  isPlatformAdmin,
  readableSites,
  sitesWithRole,
  toActor,
  type WriteRule,
  writableSites,
} from '../src/domain/permissions'
import { ownedNames, ownershipOf, personMayWrite } from '../src/domain/server-owned'

export { toActor }

const siteIn = (ids: (string | number)[], path = 'site'): Where => ({ [path]: { in: ids } })

export const isPlatformAdminAccess: Access = ({ req }) => isPlatformAdmin(toActor(req.user))
export const isStaffAccess: Access = ({ req }) => Boolean(req.user)
export const nobody: Access = () => false
export const anyone: Access = () => true
export const platformAdminField: FieldAccess = ({ req }) => isPlatformAdmin(toActor(req.user))

/** Writes limited to the sites where the actor holds a role from the rule. */
export const writeOnOwnSites =
  (rule: WriteRule, path = 'site'): Access =>
  ({ req }) => {
    const sites = writableSites(toActor(req.user), rule)
    if (sites === true) return true
    return sites.length ? siteIn(sites, path) : false
  }

/** Creation is checked against the site chosen in the data (or, before any data, any site). */
export const createOnOwnSites =
  (rule: WriteRule): Access =>
  ({ req, data }) => {
    const actor = toActor(req.user)
    if (isPlatformAdmin(actor)) return true
    if (data && data.site != null) return canWriteOnSite(actor, rule, data.site)
    const sites = writableSites(actor, rule)
    return sites === true || sites.length > 0
  }

/** Published content is public; staff also read their own sites' unpublished work. */
export const publishedOrOwnSites =
  (prefix = ''): Access =>
  ({ req }) => {
    const actor = toActor(req.user)
    if (canReadAllSites(actor)) return true
    // Published and withdrawn pages answer the public (a withdrawn page shows its notice).
    const published: Where = { [`${prefix}state`]: { in: ['published', 'withdrawn'] } }
    const sites = readableSites(actor)
    if (sites === true) return true
    return sites.length ? { or: [published, siteIn(sites, `${prefix}site`)] } : published
  }

/** Records about a whole site's health (audits): its site admins, and platform staff. */
export const readAsSiteAdminOf =
  (path = 'site'): Access =>
  ({ req }) => {
    const actor = toActor(req.user)
    if (canReadAllSites(actor)) return true
    const sites = sitesWithRole(actor, 'site-admin')
    return sites.length ? siteIn(sites, path) : false
  }

export const readAsSiteAdmin: Access = readAsSiteAdminOf()

/** Records only the server writes: nobody creates, changes or deletes them in the admin or API. */
export const serverWritten = (read: Access) => ({
  read,
  create: nobody,
  update: nobody,
  delete: nobody,
})

/** Versions and drafts are staff-only, per site. */
export const versionsOfOwnSites: Access = ({ req }) => {
  const sites = readableSites(toActor(req.user))
  if (sites === true) return true
  return sites.length ? siteIn(sites, 'version.site') : false
}

/** Staff records of a site (numbers, audit): anyone with a role there, and platform staff. */
export const readOwnSites: Access = ({ req }) => {
  const sites = readableSites(toActor(req.user))
  if (sites === true) return true
  return sites.length ? siteIn(sites) : false
}

const noPerson: FieldAccess = () => false

/**
 * Applies src/domain/server-owned to a collection's fields: a field only the server writes gets
 * field access `false` for people. Payload drops such a value in beforeValidate (an update keeps
 * the stored value, a create the default) before any collection hook runs, so the workflow's own
 * hooks still write it in beforeChange; and server code with `overrideAccess: true` skips field
 * access altogether. The same holds for the admin, REST, GraphQL and the Local API.
 */
export function serverOwnedFields<T extends Field>(collection: string, fields: T[]): T[] {
  const owned = ownershipOf(collection)
  if (!owned) return fields
  const found = new Set<string>()
  // Top-level and presentational (row, collapsible, unnamed tab) fields: the names that hold data
  // at the top of the document.
  const walk = (list: Field[]): Field[] =>
    list.map((field) => {
      if (!('name' in field)) {
        if (field.type === 'tabs') {
          return {
            ...field,
            tabs: field.tabs.map((tab) =>
              'name' in tab ? tab : { ...tab, fields: walk(tab.fields) },
            ),
          }
        }
        return 'fields' in field ? ({ ...field, fields: walk(field.fields) } as Field) : field
      }
      const name = field.name
      if (!ownedNames(owned).includes(name) || field.type === 'ui') return field
      found.add(name)
      const access: { create?: FieldAccess; read?: FieldAccess; update?: FieldAccess } = {
        ...field.access,
      }
      if (!personMayWrite({ collection, field: name, operation: 'create' }))
        access.create = noPerson
      if (!personMayWrite({ collection, field: name, operation: 'update' }))
        access.update = noPerson
      return { ...field, access } as Field
    })
  const result = walk(fields) as T[]
  const missing = ownedNames(owned).filter((n) => !found.has(n))
  if (missing.length) {
    throw new Error(`server-owned fields not in ${collection}: ${missing.join(', ')}`)
  }
  return result
}

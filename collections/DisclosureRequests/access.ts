// Who reads disclosure requests and the applicants' files: one query for `read` and the admin list.
import type { Access, BaseFilter, Where } from 'payload'

import { canReadAllSites, sitesWithRole, type WriteRule } from '../../src/domain/permissions'
import { createOnOwnSites, nobody, toActor, writeOnOwnSites } from '../access'

/** Requests hold citizens' personal data: the site's handlers and admins, and platform staff. */
export const requestsReadableBy = (user: unknown): boolean | Where => {
  const actor = toActor(user)
  if (canReadAllSites(actor)) return true
  const sites = sitesWithRole(actor, 'site-admin', 'handler')
  return sites.length ? { site: { in: sites } } : false
}

export const requestReaders: Access = ({ req }) => requestsReadableBy(req.user)

/**
 * A citizen's case (依申请公开, 领导信箱, 我要纠错): read as personal data, registered and handled
 * on the sites where the rule gives a role, and never deleted (an invalid one is closed so).
 */
export const caseAccess = (rule: WriteRule) => ({
  read: requestReaders,
  create: createOnOwnSites(rule),
  update: writeOnOwnSites(rule),
  delete: nobody,
})

/** The admin list shows what `read` allows (a list filter is a query, never a yes or no). */
export const requestListFilter: BaseFilter = ({ req }) => {
  const readable = requestsReadableBy(req.user)
  if (readable === true) return null
  return readable === false ? { site: { in: [] } } : readable
}

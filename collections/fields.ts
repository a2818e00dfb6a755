// Fields shared by every per-site collection.
import type { Field, Where } from 'payload'

import { writableSites, type WriteRule } from '../src/domain/permissions'
import { platformAdminField, toActor } from './access'

import { SITES } from './slugs'

/** The site a document belongs to; a person may only choose sites they may write on. */
export const siteField = (rule: WriteRule): Field => ({
  name: 'site',
  label: '所属站点',
  type: 'relationship',
  relationTo: SITES,
  required: true,
  index: true,
  admin: { position: 'sidebar' },
  // Moving a record to another site is a platform decision, not an editor's.
  access: { update: platformAdminField },
  defaultValue: ({ user }: { user?: unknown }) => {
    const sites = writableSites(toActor(user), rule)
    return sites === true || sites.length !== 1 ? undefined : sites[0]
  },
  filterOptions: ({ user, req }): Where | boolean => {
    if (!user) return true // scripts and seeding act for the platform
    // Records a service writes for a person's move (a number taken at signing) follow the move.
    if (req?.context?.numbering) return true
    // A letter transferred to another department moves to that site by the workflow's decision.
    if (req?.context?.siteMove) return true
    const sites = writableSites(toActor(user), rule)
    return sites === true ? true : { id: { in: sites } }
  },
})

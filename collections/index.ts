import type { CollectionConfig, GlobalConfig } from 'payload'

import { isPlatformAdmin, toActor } from '../src/domain/permissions'

import { AnnualReports } from './AnnualReports'
import { Articles } from './Articles'
import { AuditEvents, Notifications, PublishingChecks } from './Audit'
import { DisclosureGenres, DisclosureTopics } from './Classifications'
import { Columns } from './Columns'
import { DisclosureRequests } from './DisclosureRequests'
import { ErrorReports } from './ErrorReports'
import { auditChange, auditDelete, auditLogin, auditLoginFailure, auditLogout } from './hooks/audit'
import { refuseMalformedQuery } from './hooks/query-input'
import { Letters } from './Letters'
import { LinkChecks } from './LinkChecks'
import { Mailboxes } from './Mailboxes'
import { PlatformSettings } from './PlatformSettings'
import { NumberAssignments, NumberingCounters, NumberingSeries } from './Numbering'
import { RequestFiles } from './RequestFiles'
import { SearchMisses } from './SearchMisses'
import { Shares } from './Shares'
import { CachePurges, PublicTokens, RateLimits } from './SharedState'
import { SiteAudits } from './SiteAudits'
import { SiteProbes } from './SiteProbes'
import { Sites } from './Sites'
import { UrlMappings } from './UrlMappings'
import { Attachments, Media } from './Uploads'
import { Users } from './Users'
import { WorkCalendar } from './WorkCalendar'

// Bookkeeping written by services only; auditing it would audit the audit.
const UNAUDITED = new Set([
  AuditEvents.slug,
  NumberingCounters.slug,
  Notifications.slug,
  PublicTokens.slug,
  RateLimits.slug,
  CachePurges.slug,
  SiteProbes.slug,
  LinkChecks.slug,
  SearchMisses.slug,
])

/** A malformed id or filter is a 400 with a sentence in every collection, never a database error. */
const guarded = (c: CollectionConfig): CollectionConfig => ({
  ...c,
  hooks: {
    ...c.hooks,
    beforeOperation: [refuseMalformedQuery, ...(c.hooks?.beforeOperation ?? [])],
  },
})

/**
 * The document's "API" tab (its JSON and REST address) is a developer's view: shown to platform
 * admins only, so editors see only the form.
 */
function apiTabForPlatformAdmins<C extends CollectionConfig | GlobalConfig>(c: C): C {
  const views = c.admin?.components?.views
  const edit = (views as { edit?: Record<string, unknown> } | undefined)?.edit
  return {
    ...c,
    admin: {
      ...c.admin,
      components: {
        ...c.admin?.components,
        views: {
          ...views,
          edit: {
            ...edit,
            api: {
              tab: {
                condition: ({ req }: { req: { user?: unknown } }) =>
                  isPlatformAdmin(toActor(req.user)),
              },
            },
          },
        },
      },
    },
  }
}

/** Every admin create, update and delete lands in the audit trail; logins too. */
const audited = (c: CollectionConfig): CollectionConfig => {
  if (UNAUDITED.has(c.slug)) return c
  const hooks = { ...c.hooks }
  if (c.slug !== Articles.slug)
    hooks.afterChange = [...(hooks.afterChange ?? []), auditChange(c.slug)]
  hooks.afterDelete = [...(hooks.afterDelete ?? []), auditDelete(c.slug)]
  if (c.auth) {
    hooks.afterLogin = [...(hooks.afterLogin ?? []), auditLogin]
    hooks.afterLogout = [...(hooks.afterLogout ?? []), auditLogout]
    hooks.afterError = [...(hooks.afterError ?? []), auditLoginFailure]
  }
  return { ...c, hooks }
}

export const collections = [
  Sites,
  Users,
  Columns,
  Articles,
  Shares,
  Media,
  Attachments,
  WorkCalendar,
  NumberingSeries,
  NumberAssignments,
  NumberingCounters,
  AuditEvents,
  Notifications,
  DisclosureTopics,
  DisclosureGenres,
  DisclosureRequests,
  RequestFiles,
  AnnualReports,
  Mailboxes,
  Letters,
  ErrorReports,
  SiteAudits,
  SiteProbes,
  LinkChecks,
  SearchMisses,
  UrlMappings,
  PublicTokens,
  RateLimits,
  CachePurges,
]
  .map(audited)
  .map(guarded)
  .map(apiTabForPlatformAdmins)

export const globals = [PlatformSettings, PublishingChecks].map(apiTabForPlatformAdmins)

// Every admin create, update and delete goes into the audit trail: who, what, which fields.
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterErrorHook,
  CollectionAfterLoginHook,
  CollectionAfterLogoutHook,
} from 'payload'

import { actorOf, recordAudit } from '../../src/services/audit'

type Doc = Record<string, unknown>
const siteOf = (doc: Doc, slug: string) => {
  const v = slug === 'sites' ? doc.id : doc.site
  return (v && typeof v === 'object' ? (v as { id: string | number }).id : v) as
    string | number | null | undefined
}

// Values are not copied into the trail (they may hold personal data): only the names of the
// fields that changed.
const IGNORED = new Set(['updatedAt', 'createdAt', 'history', 'hash', 'salt', 'sessions'])
const changedFields = (doc: Doc, previous: Doc | undefined): string[] =>
  Object.keys(doc).filter(
    (k) => !IGNORED.has(k) && JSON.stringify(doc[k]) !== JSON.stringify(previous?.[k]),
  )

export const auditChange =
  (slug: string): CollectionAfterChangeHook =>
  ({ doc, previousDoc, operation, req }) => {
    if (req.context.seeding) return doc
    void recordAudit(req.payload, {
      ...actorOf(req),
      site: siteOf(doc, slug) ?? null,
      action: `${slug}.${operation}`,
      target: `${slug}:${doc.id}`,
      detail: {
        fields: operation === 'update' ? changedFields(doc, previousDoc) : undefined,
        restored: req.context.isRestoringVersion ? true : undefined,
      },
    })
    return doc
  }

export const auditDelete =
  (slug: string): CollectionAfterDeleteHook =>
  ({ doc, req }) => {
    void recordAudit(req.payload, {
      ...actorOf(req),
      site: siteOf(doc, slug) ?? null,
      action: `${slug}.delete`,
      target: `${slug}:${doc.id}`,
    })
    return doc
  }

export const auditLogin: CollectionAfterLoginHook = ({ user, req }) => {
  void recordAudit(req.payload, {
    user: user.id,
    userEmail: (user as { email?: string }).email,
    action: 'auth.login',
    target: `users:${user.id}`,
    detail: { ip: req.headers?.get?.('x-forwarded-for') ?? undefined },
  })
  return user
}

export const auditLogout: CollectionAfterLogoutHook = ({ req }) => {
  void recordAudit(req.payload, { ...actorOf(req), action: 'auth.logout' })
}

/** Failed logins (wrong password, locked account) reach Payload's error hook, not afterLogin. */
export const auditLoginFailure: CollectionAfterErrorHook = async ({ req, error }) => {
  if (!req?.url || !/\/users\/login(\?|$)/.test(new URL(req.url, 'http://x').pathname + '?')) {
    return
  }
  const email = (req.data as { email?: unknown } | undefined)?.email
  await recordAudit(req.payload, {
    userEmail: typeof email === 'string' ? email.slice(0, 200) : null,
    action: 'auth.login',
    outcome: 'failure',
    detail: { error: (error as Error)?.name },
  })
}

// Every admin create, update and delete goes into the audit trail: who, what, which fields.
import type {
  AfterErrorHook,
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterErrorHook,
  CollectionAfterLoginHook,
  CollectionAfterLogoutHook,
  PayloadRequest,
} from 'payload'

import { idOf } from '../../src/domain/ids'
import { actorOf, recordAudit } from '../../src/services/audit'
import { clientAddress, LOGIN_FAILED_MESSAGE } from '../../src/services/login-limits'

type Doc = Record<string, unknown>
const siteOf = (doc: Doc, slug: string) => idOf(slug === 'sites' ? doc.id : doc.site)

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

/** E-mail as Payload matches it at login: lower-cased and trimmed, so a search finds every variant. */
export const normalEmail = (email: unknown): string | null =>
  typeof email === 'string' && email.trim() ? email.toLowerCase().trim().slice(0, 200) : null

/** One login attempt of this request (a GraphQL request may hold several, under aliases). */
export type LoginAttempt = {
  email: string | null
  ip: string | null
  outcome: 'pending' | 'success' | 'limited' | 'recorded'
}

export const loginAttemptsOf = (req: PayloadRequest): LoginAttempt[] => {
  const list = (req.context.loginAttempts as LoginAttempt[] | undefined) ?? []
  req.context.loginAttempts = list
  return list
}

export const auditLogin: CollectionAfterLoginHook = ({ user, req }) => {
  const email = normalEmail((user as { email?: string }).email)
  const attempt = loginAttemptsOf(req).find((a) => a.outcome === 'pending' && a.email === email)
  if (attempt) attempt.outcome = 'success'
  void recordAudit(req.payload, {
    user: user.id,
    userEmail: email,
    action: 'auth.login',
    target: `users:${user.id}`,
    detail: { ip: attempt?.ip ?? clientAddress(req.headers) ?? undefined },
  })
  return user
}

export const auditLogout: CollectionAfterLogoutHook = ({ req }) => {
  void recordAudit(req.payload, { ...actorOf(req), action: 'auth.logout' })
}

const LOGIN_ERRORS = new Set(['AuthenticationError', 'LockedAuth'])

/** Records each failed attempt of the request once (REST: one; GraphQL: one per alias). */
async function recordLoginFailures(req: PayloadRequest, route: 'rest' | 'graphql', error: string) {
  for (const attempt of loginAttemptsOf(req)) {
    if (attempt.outcome === 'success' || attempt.outcome === 'recorded') continue
    const limited = attempt.outcome === 'limited'
    attempt.outcome = 'recorded'
    await recordAudit(req.payload, {
      userEmail: attempt.email,
      action: 'auth.login',
      outcome: 'failure',
      detail: { error: limited ? 'TooManyLogins' : error, ip: attempt.ip ?? undefined, route },
    })
  }
}

/**
 * Failed logins (wrong password, unknown or locked account, too many failures from the address)
 * reach Payload's error hooks, not afterLogin: the collection's for REST, the config's for
 * REST and GraphQL. Each attempt is recorded once; an unknown, a locked and a known account all
 * answer with the same status and sentence.
 */
export const auditLoginFailure: CollectionAfterErrorHook = async ({ req, error }) => {
  if (!req?.context?.loginAttempts) return
  const name = (error as Error)?.name
  await recordLoginFailures(req, 'rest', name)
  if (LOGIN_ERRORS.has(name)) {
    return { status: 401, response: { errors: [{ message: LOGIN_FAILED_MESSAGE }] } }
  }
}

/** The config-level error hook: the only one GraphQL calls (`loginUser`, under any alias). */
export const auditLoginFailureEverywhere: AfterErrorHook = async (args) => {
  const { req, error, graphqlResult } = args
  if (!req?.context?.loginAttempts) return
  const original = (error as { originalError?: Error }).originalError ?? (error as Error)
  const name = original?.name
  if (!graphqlResult) {
    await recordLoginFailures(req, 'rest', name)
    if (LOGIN_ERRORS.has(name)) {
      return { status: 401, response: { errors: [{ message: LOGIN_FAILED_MESSAGE }] } }
    }
    return
  }
  await recordLoginFailures(req, 'graphql', name)
  if (LOGIN_ERRORS.has(name)) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message: LOGIN_FAILED_MESSAGE,
        extensions: { ...graphqlResult.extensions, name: 'AuthenticationError', statusCode: 401 },
      },
    }
  }
}

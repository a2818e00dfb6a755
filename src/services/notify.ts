// E-mails the people of a site who hold given roles, and records what was sent.
import type { Payload, PayloadRequest } from 'payload'

import { NOTIFICATIONS, USERS } from '../domain/slugs'
import type { Id } from '../domain/ids'
import { hasSiteRole, type SiteRole } from '../domain/permissions'
import { logger } from '../logger'
import { findAllSelected } from './records'

export type Person = { id: Id; email: string; name?: string }

/** People holding any of the roles on the site (site admins included when asked for). */
export async function peopleWithRoles(
  payload: Payload,
  site: Id,
  roles: SiteRole[],
  req?: PayloadRequest,
): Promise<Person[]> {
  if (!roles.length) return []
  const users = await findAllSelected(payload, {
    collection: USERS,
    where: { 'sites.site': { equals: site } },
    select: ['email', 'name', 'sites'],
    req,
  })
  return users
    .filter((u) => hasSiteRole(u, site, ...roles))
    .map((u) => ({ id: u.id, email: u.email, name: u.name ?? undefined }))
}

/** The platform's administrators (platform-wide alarms). */
export async function platformAdmins(payload: Payload): Promise<Person[]> {
  const users = await findAllSelected(payload, {
    collection: USERS,
    where: { platformRoles: { in: ['platform-admin'] } },
    select: ['email', 'name', 'platformRoles'],
  })
  return users
    .filter((u) => u.platformRoles?.includes('platform-admin'))
    .map((u) => ({ id: u.id, email: u.email, name: u.name ?? undefined }))
}

/**
 * Sends one message to each person. With `key`, the message is recorded in `notifications`
 * first and sent only if the key is new, so a reminder goes out once even with several nodes.
 */
export async function notify(
  payload: Payload,
  input: {
    to: Person[]
    subject: string
    text: string
    kind: string
    site?: Id | null
    target?: string
    key?: string
    except?: Id | null
  },
): Promise<boolean> {
  const to = input.to.filter((p) => p.email && String(p.id) !== String(input.except ?? ''))
  if (input.key) {
    try {
      await payload.create({
        collection: NOTIFICATIONS,
        overrideAccess: true,
        data: {
          key: input.key,
          site: input.site ?? undefined,
          kind: input.kind,
          subject: input.subject,
          recipients: to.map((p) => p.email).join(', '),
          target: input.target,
          sentAt: new Date().toISOString(),
        },
      })
    } catch {
      return false // already sent by this or another node
    }
  }
  if (!to.length) return true
  await Promise.all(
    to.map((p) =>
      payload
        .sendEmail({ to: p.email, subject: input.subject, text: input.text })
        .catch((err: unknown) =>
          logger.error({ err, to: p.email, kind: input.kind }, 'mail could not be sent'),
        ),
    ),
  )
  return true
}

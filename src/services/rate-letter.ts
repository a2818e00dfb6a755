// The writer rates the answer to their letter, once, on the five 好差评 levels, with the query
// code as their key. A 差评 opens a follow-up with a deadline; the site's handlers are told, and
// the writer reads it on the tracking page.
import type { Payload } from 'payload'

import { type Id, idOf } from '../domain/ids'
import { rateLetter, type RatingOutcome } from '../domain/letters'
import { LETTERS, SITES } from '../domain/slugs'
import { recordAudit } from './audit'
import { announceLetter } from './letter-mail'
import { afterResponse } from './request-mail'
import { todayInBeijing } from './request-clock'
import { loadWorkCalendar } from './work-calendar'

export type RateInput = { rating: unknown; resolved?: unknown; comment?: unknown }

/** Rates the letter with this id (found by its query code on its site); problems when refused. */
export async function rateLetterById(
  payload: Payload,
  id: Id,
  input: RateInput,
  now = new Date(),
): Promise<RatingOutcome> {
  const letter = (await payload.findByID({
    collection: LETTERS,
    id,
    depth: 0,
    overrideAccess: true,
    context: { noViewAudit: true },
  })) as { id: Id; site: unknown; status: string; rating?: string | null; timeline?: unknown[] }
  const site = (await payload
    .findByID({ collection: SITES, id: idOf(letter.site)!, depth: 0, overrideAccess: true })
    .catch(() => null)) as { interaction?: { followUpDays?: number | null } } | null
  const outcome = rateLetter(letter, {
    ...input,
    today: todayInBeijing(now),
    calendar: await loadWorkCalendar(payload),
    followUpDays: site?.interaction?.followUpDays ?? 5,
  })
  if (!outcome.ok) return outcome
  const at = now.toISOString()
  const doc = await payload.update({
    collection: LETTERS,
    id,
    data: {
      ...outcome.patch,
      ratedAt: at,
      ...(outcome.patch.status === 'closed' ? { closedAt: at } : {}),
      timeline: [...(letter.timeline ?? []), { at, kind: 'rating', label: outcome.label }],
    },
    overrideAccess: true,
    depth: 0,
    context: { letterService: true, noViewAudit: true },
  })
  void recordAudit(payload, {
    action: 'letter.rated',
    site: idOf(letter.site),
    target: `${LETTERS}:${id}`,
    detail: { rating: outcome.patch.rating, poor: outcome.poor },
  })
  if (outcome.poor) afterResponse(() => announceLetter(payload, doc, 'follow-up'))
  return outcome
}

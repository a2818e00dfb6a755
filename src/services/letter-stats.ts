// The letters of a site and period as the figures read them (src/domain/letter-stats counts
// them; src/services/feedback-stats puts them together with the sites' settings).
import type { Payload } from 'payload'

import { dayInstant, dayOf } from '../domain/dates'
import type { Id } from '../domain/ids'
import type { LetterRow } from '../domain/letter-stats'
import { LETTERS } from '../domain/slugs'
import { findAllSelected } from './records'

/** The letters a site received or was given in [from, to] (YYYY-MM-DD), as the figures read them. */
export async function letterRows(
  payload: Payload,
  { site, from, to }: { site: Id | null; from: string; to: string },
): Promise<LetterRow[]> {
  const docs = await findAllSelected(payload, {
    collection: LETTERS,
    where: {
      and: [
        { receivedAt: { greater_than_equal: dayInstant(from) } },
        { receivedAt: { less_than_equal: dayInstant(to) } },
        ...(site == null
          ? []
          : [
              {
                or: [
                  { site: { equals: site } },
                  { firstSite: { equals: site } },
                  { 'transfers.to': { equals: site } },
                ],
              },
            ]),
      ],
    },
    select: [
      'site',
      'firstSite',
      'receivedAt',
      'status',
      'answeredAt',
      'acceptDueDate',
      'answerDueDate',
      'rating',
      'resolved',
      'transfers',
    ],
  })
  return docs.map((d) => ({
    site: d.site,
    firstSite: d.firstSite ?? d.site,
    receivedAt: dayOf(d.receivedAt),
    status: d.status,
    answeredAt: d.answeredAt ? dayOf(d.answeredAt) : null,
    acceptDueDate: d.acceptDueDate ? dayOf(d.acceptDueDate) : null,
    answerDueDate: d.answerDueDate ? dayOf(d.answerDueDate) : null,
    rating: d.rating ?? null,
    resolved: d.resolved ?? null,
    transfers: (d.transfers ?? []).map((t) => ({ from: t.from!, to: t.to! })),
  }))
}

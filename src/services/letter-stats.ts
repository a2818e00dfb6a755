// The letters of a site and period as the figures read them (src/domain/letter-stats counts
// them; src/services/feedback-stats puts them together with the sites' settings).
import type { Payload } from 'payload'

import { dayInstant, dayOf } from '../domain/dates'
import { type Id, idOf } from '../domain/ids'
import type { LetterRow } from '../domain/letter-stats'
import { LETTERS } from '../domain/slugs'

type Doc = {
  site: unknown
  firstSite?: unknown
  receivedAt: string
  status: string
  answeredAt?: string | null
  acceptDueDate?: string | null
  answerDueDate?: string | null
  rating?: string | null
  resolved?: string | null
  transfers?: { from?: unknown; to?: unknown }[] | null
}

/** The letters a site received or was given in [from, to] (YYYY-MM-DD), as the figures read them. */
export async function letterRows(
  payload: Payload,
  { site, from, to }: { site: Id | null; from: string; to: string },
): Promise<LetterRow[]> {
  const rows: LetterRow[] = []
  for (let page = 1; ; page++) {
    const res = await payload.find({
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
      select: {
        site: true,
        firstSite: true,
        receivedAt: true,
        status: true,
        answeredAt: true,
        acceptDueDate: true,
        answerDueDate: true,
        rating: true,
        resolved: true,
        transfers: { from: true, to: true },
      },
      depth: 0,
      limit: 500,
      page,
      overrideAccess: true,
      context: { noViewAudit: true },
    })
    for (const d of res.docs as unknown as Doc[]) {
      rows.push({
        site: idOf(d.site)!,
        firstSite: idOf(d.firstSite) ?? idOf(d.site)!,
        receivedAt: dayOf(d.receivedAt),
        status: d.status,
        answeredAt: d.answeredAt ? dayOf(d.answeredAt) : null,
        acceptDueDate: d.acceptDueDate ? dayOf(d.acceptDueDate) : null,
        answerDueDate: d.answerDueDate ? dayOf(d.answerDueDate) : null,
        rating: d.rating ?? null,
        resolved: d.resolved ?? null,
        transfers: (d.transfers ?? []).map((t) => ({ from: idOf(t.from)!, to: idOf(t.to)! })),
      })
    }
    if (!res.hasNextPage) break
  }
  return rows
}

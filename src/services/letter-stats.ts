// The leader mailbox's figures for a site and period: the letters read once, the figures computed
// by src/domain/letter-stats (the one place they are counted) with the site's settings.
import type { Payload } from 'payload'

import { dayInstant, dayOf } from '../domain/dates'
import { type Id, idOf } from '../domain/ids'
import {
  type LetterFigures,
  type LetterRow,
  letterFigures,
  MIN_SAMPLE,
  satisfiedShare,
  wilson,
} from '../domain/letter-stats'
import { LETTERS, SITES } from '../domain/slugs'
import { todayInBeijing } from './request-clock'
import { loadWorkCalendar } from './work-calendar'

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
        answeredAt: d.answeredAt ?? null,
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

export type SiteLetterSummary = LetterFigures & {
  from: string
  to: string
  onTime: ReturnType<typeof wilson>
  satisfied: ReturnType<typeof wilson>
  minimum: number
}

/** A site's figures for this year so far, with shares only from the site's minimum sample. */
export async function siteLetterSummary(
  payload: Payload,
  site: Id,
  now = new Date(),
): Promise<SiteLetterSummary> {
  const today = todayInBeijing(now)
  const from = `${today.slice(0, 4)}-01-01`
  const settings = (await payload
    .findByID({ collection: SITES, id: site, depth: 0, overrideAccess: true })
    .catch(() => null)) as {
    interaction?: { defaultSatisfied?: boolean | null; rankingMinimum?: number | null }
  } | null
  const minimum = settings?.interaction?.rankingMinimum ?? MIN_SAMPLE
  const figures = letterFigures({
    rows: await letterRows(payload, { site, from, to: today }),
    site,
    today,
    calendar: await loadWorkCalendar(payload),
    defaultSatisfied: Boolean(settings?.interaction?.defaultSatisfied),
  })
  const satisfied = satisfiedShare(figures)
  return {
    ...figures,
    from,
    to: today,
    minimum,
    onTime: wilson(figures.answeredOnTime, figures.answered, minimum),
    satisfied: wilson(satisfied.hits, satisfied.total, minimum),
  }
}

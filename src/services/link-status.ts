// Whether links in articles lead to live pages of this platform: an internal link (Lexical's
// link to a document) or an address of an article page (`/<column path>/<id>.html`, relative or
// on a development host) is looked up in the database — missing or not published is dead.
// Links elsewhere are 'external' (checked over HTTP by the link checker, not here).
import type { Payload, PayloadRequest } from 'payload'

import { bodyLinks } from '../domain/prepublish'
import { ARTICLES } from '../domain/slugs'
import { isLive } from '../domain/workflow'
import { findAllSelected } from './records'

export type LinkStatus = 'ok' | 'missing' | 'unpublished' | 'external'

// An article page of this platform: /<column path>/<id>.html, on a site host or relative.
const ARTICLE_PAGE =
  /^(?:https?:\/\/[^/]*\.localhost(?::\d+)?|)\/(?:[\w-]+\/)*([0-9a-f]{24}|\d+)\.html$/i

/** Whether a link leads to another website (checked over HTTP by external-links.ts). */
export const isElsewhere = (link: ReturnType<typeof bodyLinks>[number]) =>
  !link.internal && target(link) == null

/** The article a link points at on this platform, or null for a link elsewhere. */
function target(link: ReturnType<typeof bodyLinks>[number]): string | null {
  if (link.internal) return link.internal.relationTo === ARTICLES ? String(link.internal.id) : null
  return ARTICLE_PAGE.exec(link.url)?.[1] ?? null
}

/** The status of every link in the bodies, with one database read for all of them. */
export async function linkStatuses(
  payload: Payload,
  bodies: unknown[],
  req?: PayloadRequest,
): Promise<Record<string, LinkStatus>> {
  const links = bodies.flatMap((b) => bodyLinks(b))
  const ids = [...new Set(links.map(target).filter((id): id is string => id != null))]
  const found = ids.length
    ? await findAllSelected(payload, {
        collection: ARTICLES,
        where: { id: { in: ids } },
        select: ['state'],
        req,
      })
    : []
  const state = new Map(found.map((d) => [String(d.id), d.state]))
  const status: Record<string, LinkStatus> = {}
  for (const link of links) {
    const id = target(link)
    if (id == null) status[link.url] = link.internal ? 'ok' : 'external'
    else if (!state.has(id)) status[link.url] = 'missing'
    else status[link.url] = isLive(state.get(id) ?? '') ? 'ok' : 'unpublished'
  }
  return status
}

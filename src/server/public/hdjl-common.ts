// What the 互动交流 pages share: their addresses, their frame, and how a mailbox and a letter are
// linked.
import { type PublicMailbox } from '../../services/public-letters'
import type { Layout, Link } from '../render/view-models'
import { INTERACTION_PATH } from './frame'
import type { PageContext } from './context'
import { sectionLayout, withCare } from './section'

export const TRACK_PATH = '/hdjl/track'
export const MAILBOX_PATH = /^\/hdjl\/([a-z0-9][a-z0-9-]{0,39})\/(write|([0-9a-f]{1,24})\.html)?$/
export const PER_PAGE = 20

/** The layout of a 互动交流 page; `trail` follows 首页 › 互动交流. */
export const pageLayout = (ctx: PageContext, title: string, trail: Link[]): Promise<Layout> =>
  sectionLayout(ctx, '互动交流', title, [
    { name: '互动交流', href: INTERACTION_PATH, current: trail.length === 0 },
    ...trail,
  ])

/** Lists change when a letter is published: a short public cache, never a stale personal page. */
export const LIST_CACHE = 'public, max-age=60'

export const mailboxView = (ctx: PageContext, m: PublicMailbox) => ({
  ...m,
  href: withCare(ctx, `${INTERACTION_PATH}${m.slug}/`),
  writeHref: withCare(ctx, `${INTERACTION_PATH}${m.slug}/write`),
  title: m.kind === 'leader' && m.leaderName ? `${m.leaderTitle}${m.leaderName}` : m.name,
})

export const letterHref = (ctx: PageContext, slug: string, id: unknown) =>
  withCare(ctx, `${INTERACTION_PATH}${slug}/${String(id)}.html`)

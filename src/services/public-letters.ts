// What the public reads of the leader mailbox: a site's open mailboxes, the letters whose writer
// consented and whose answer was published — masked, the writer named only as 张先生 or 匿名 —
// and, with the query code, one letter's progress. Everything leaves through the projections
// below; nothing else of a letter reaches a public page.
import type { Payload, Where } from 'payload'

import { beijingDate, beijingDateTime } from '../domain/dates'
import { type Id, idOf } from '../domain/ids'
import {
  isPublicLetter,
  LETTER_CATEGORY_LABELS,
  LETTER_STATUS_LABELS,
  type LetterCategory,
  type LetterStatus,
  type LetterTimelineEntry,
  maskLetterText,
  publicWriterName,
  RATING_LABELS,
  type Rating,
  STAFF_ONLY_KINDS,
} from '../domain/letters'
import { LETTERS, MAILBOXES } from '../domain/slugs'

export type PublicMailbox = {
  id: Id
  slug: string
  name: string
  kind: 'leader' | 'department'
  leaderName: string
  leaderTitle: string
  intro: string
  open: boolean
  acceptDays: number
  answerDays: number
  photo: { url: string; alt: string } | null
}

type MailboxDoc = {
  id: Id
  slug: string
  name: string
  kind?: 'leader' | 'department'
  leaderName?: string | null
  leaderTitle?: string | null
  intro?: string | null
  open?: boolean | null
  acceptDays?: number | null
  answerDays?: number | null
  photo?: { url?: string | null; alt?: string | null; filename?: string | null } | null
}

const toMailbox = (m: MailboxDoc): PublicMailbox => ({
  id: m.id,
  slug: m.slug,
  name: m.name,
  kind: m.kind ?? 'leader',
  leaderName: m.leaderName ?? '',
  leaderTitle: m.leaderTitle ?? '',
  intro: m.intro ?? '',
  open: m.open !== false,
  acceptDays: m.acceptDays ?? 3,
  answerDays: m.answerDays ?? 15,
  photo: m.photo?.filename
    ? { url: `/media/${m.photo.filename}`, alt: m.photo.alt ?? m.leaderName ?? '' }
    : null,
})

/** The site's mailboxes in their order. */
export async function siteMailboxes(payload: Payload, site: Id): Promise<PublicMailbox[]> {
  const res = await payload.find({
    collection: MAILBOXES,
    where: { site: { equals: site } },
    sort: 'order',
    depth: 1,
    limit: 100,
    pagination: false,
    overrideAccess: true,
  })
  // Read at depth 1 for the photo: Payload types a relationship as `id | record` at any depth.
  return (res.docs as unknown as MailboxDoc[]).map(toMailbox)
}

export async function mailboxBySlug(
  payload: Payload,
  site: Id,
  slug: string,
): Promise<PublicMailbox | null> {
  const res = await payload.find({
    collection: MAILBOXES,
    where: { and: [{ site: { equals: site } }, { slug: { equals: slug } }] },
    depth: 1,
    limit: 1,
    pagination: false,
    overrideAccess: true,
  })
  // Depth 1, as above.
  const doc = res.docs[0] as unknown as MailboxDoc | undefined
  return doc ? toMailbox(doc) : null
}

/** A letter as the public may read it. */
export type PublicLetter = {
  id: Id
  number: string
  subject: string
  category: string
  writer: string
  receivedAt: string
  content: string
  answer: string
  answeredAt: string
  followUpAnswer: string
  mailboxName: string
  mailboxId: Id | null
  rating: string
}

type LetterDoc = {
  id: Id
  site: unknown
  mailbox?: { name?: string } | Id | null
  number: string
  subject: string
  category: LetterCategory
  content: string
  writerName?: string | null
  writerTitle?: string | null
  receivedAt: string
  answer?: string | null
  answeredAt?: string | null
  followUpAnswer?: string | null
  rating?: Rating | null
  consentPublish?: boolean | null
  published?: boolean | null
  status?: string | null
}

const PUBLIC_SELECT = {
  site: true,
  mailbox: true,
  number: true,
  subject: true,
  category: true,
  content: true,
  writerName: true,
  writerTitle: true,
  receivedAt: true,
  answer: true,
  answeredAt: true,
  followUpAnswer: true,
  rating: true,
  consentPublish: true,
  published: true,
  status: true,
} as const

/** The public projection: masked text, the writer as 张先生 / 匿名, nothing else personal. */
export function toPublicLetter(doc: LetterDoc): PublicLetter {
  const writer = publicWriterName(doc.writerName, doc.writerTitle)
  const mask = (t: string | null | undefined) =>
    maskLetterText(t ?? '', { name: doc.writerName, publicName: writer })
  return {
    id: doc.id,
    number: doc.number,
    subject: mask(doc.subject),
    category: LETTER_CATEGORY_LABELS[doc.category] ?? '',
    writer,
    receivedAt: beijingDate(doc.receivedAt),
    content: mask(doc.content),
    answer: mask(doc.answer),
    answeredAt: doc.answeredAt ? beijingDate(doc.answeredAt) : '',
    followUpAnswer: mask(doc.followUpAnswer),
    mailboxName:
      typeof doc.mailbox === 'object' && doc.mailbox
        ? ((doc.mailbox as { name?: string }).name ?? '')
        : '',
    mailboxId: idOf(doc.mailbox) ?? null,
    rating: doc.rating ? RATING_LABELS[doc.rating] : '',
  }
}

const PUBLISHED: Where[] = [
  { consentPublish: { equals: true } },
  { published: { equals: true } },
  { status: { in: ['answered', 'following', 'closed'] } },
]

/** Published letters of a site (or one mailbox), newest answer first. */
export async function publishedLetters(
  payload: Payload,
  {
    site,
    mailbox,
    page = 1,
    limit = 20,
  }: { site: Id; mailbox?: Id; page?: number; limit?: number },
): Promise<{ letters: PublicLetter[]; page: number; totalPages: number; total: number }> {
  const res = await payload.find({
    collection: LETTERS,
    where: {
      and: [
        { site: { equals: site } },
        ...(mailbox != null ? [{ mailbox: { equals: mailbox } }] : []),
        ...PUBLISHED,
      ],
    },
    select: PUBLIC_SELECT,
    sort: '-answeredAt',
    depth: 1,
    page,
    limit,
    overrideAccess: true,
    context: { noViewAudit: true },
  })
  return {
    // Depth 1 (the mailbox's name), and only PUBLIC_SELECT's fields: Payload's types know neither.
    letters: (res.docs as unknown as LetterDoc[]).map(toPublicLetter),
    page: res.page ?? 1,
    totalPages: res.totalPages,
    total: res.totalDocs,
  }
}

/** One published letter of the site, or null (unpublished letters are not found). */
export async function publishedLetter(
  payload: Payload,
  { site, id }: { site: Id; id: Id },
): Promise<PublicLetter | null> {
  const res = await payload.find({
    collection: LETTERS,
    where: { and: [{ id: { equals: id } }, { site: { equals: site } }, ...PUBLISHED] },
    select: PUBLIC_SELECT,
    depth: 1,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    context: { noViewAudit: true },
  })
  // Depth 1 and PUBLIC_SELECT, as above.
  const doc = res.docs[0] as unknown as LetterDoc | undefined
  return doc && isPublicLetter(doc) ? toPublicLetter(doc) : null
}

/** What the writer reads with the query code: progress, deadlines and the answer; no personal data. */
export type LetterTracking = {
  id: Id
  number: string
  subject: string
  status: LetterStatus
  statusLabel: string
  receivedAt: string
  acceptDueDate: string
  answerDueDate: string
  followUpDueDate: string
  timeline: { at: string; datetime: string; label: string; note: string }[]
  answer: string
  answeredAt: string
  followUpAnswer: string
  rating: string
  canRate: boolean
}

/** The letter with this query code on this site (transferred letters are found on either). */
export async function trackLetter(
  payload: Payload,
  { site, code }: { site: Id | readonly Id[]; code: string },
): Promise<LetterTracking | null> {
  const sites = [site].flat()
  const res = await payload.find({
    collection: LETTERS,
    where: {
      and: [
        { queryCode: { in: [code, code.replace(/-/g, '')] } },
        { or: [{ site: { in: sites } }, { firstSite: { in: sites } }] },
      ],
    },
    select: {
      number: true,
      subject: true,
      status: true,
      receivedAt: true,
      acceptDueDate: true,
      answerDueDate: true,
      followUpDueDate: true,
      timeline: { at: true, kind: true, label: true, note: true },
      answer: true,
      answeredAt: true,
      followUpAnswer: true,
      rating: true,
    },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    context: { noViewAudit: true },
  })
  // Only the tracking fields are selected; Payload's result type does not narrow to them.
  const doc = res.docs[0] as unknown as
    | (LetterDoc & {
        status: LetterStatus
        acceptDueDate?: string | null
        answerDueDate?: string | null
        followUpDueDate?: string | null
        timeline?: LetterTimelineEntry[] | null
      })
    | undefined
  if (!doc) return null
  // The writer reads their own answer unmasked only once it is sent (approved where review is on).
  const sent = ['answered', 'following', 'closed'].includes(doc.status) && Boolean(doc.answeredAt)
  const day = (v: string | null | undefined) => (v ? beijingDate(v) : '')
  return {
    id: doc.id,
    number: doc.number,
    subject: doc.subject,
    status: doc.status,
    statusLabel: LETTER_STATUS_LABELS[doc.status] ?? '',
    receivedAt: day(doc.receivedAt),
    acceptDueDate: day(doc.acceptDueDate),
    answerDueDate: day(doc.answerDueDate),
    followUpDueDate: day(doc.followUpDueDate),
    timeline: (doc.timeline ?? [])
      .filter((t) => !STAFF_ONLY_KINDS.includes(t.kind))
      .map((t) => ({
        at: beijingDateTime(t.at),
        datetime: t.at,
        label: t.label ?? '',
        note: t.note ?? '',
      })),
    answer: sent ? (doc.answer ?? '') : '',
    answeredAt: sent ? day(doc.answeredAt) : '',
    followUpAnswer: doc.followUpAnswer ?? '',
    rating: doc.rating ? RATING_LABELS[doc.rating] : '',
    canRate: doc.status === 'answered' && !doc.rating,
  }
}

export const letterSiteOf = (doc: { site: unknown }) => idOf(doc.site)

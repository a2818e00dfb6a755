// 领导信箱: one submission of the public letter form, whichever node receives it. The writer's
// files are stored under names of our own, the letter under its idempotency key; the files are
// removed again when the letter is not stored, and a key seen before (another node, an earlier
// attempt) answers with the letter it already made.
import crypto from 'node:crypto'

import type { Payload } from 'payload'

import type { Id } from '../domain/ids'
import {
  LETTER_ATTACHMENT_TYPES,
  letterAttachmentKind,
  type LetterFormValue,
} from '../domain/letter-form'
import { LETTERS, REQUEST_FILES } from '../domain/slugs'
import { isUniqueViolation } from './shared-state'
import { isRefusal } from '../domain/refusal'

export type StoredLetter = {
  id: Id
  number: string
  queryCode: string
  receivedAt: string
  acceptDueDate: string
  answerDueDate: string
  email?: string | null
}

const STORED_FIELDS = {
  number: true,
  queryCode: true,
  receivedAt: true,
  acceptDueDate: true,
  answerDueDate: true,
  email: true,
} as const

/** The letter this site already has under an idempotency key, if any. */
export async function findLetterByKey(
  payload: Payload,
  site: Id,
  key: string,
): Promise<StoredLetter | null> {
  const res = await payload.find({
    collection: LETTERS,
    where: { and: [{ idempotencyKey: { equals: key } }, { site: { equals: site } }] },
    select: STORED_FIELDS,
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    context: { noViewAudit: true },
  })
  return (res.docs[0] as StoredLetter | undefined) ?? null
}

/** The upload collection refused a file (its own checks); the writer may choose another. */
export class LetterFileRefused extends Error {
  constructor(readonly reason: unknown) {
    super('letter attachment refused')
  }
}

/** Stores one letter with its files; a key seen before answers with the letter it made. */
export async function submitLetter(
  payload: Payload,
  {
    site,
    mailbox,
    value,
    key,
    files = [],
  }: { site: Id; mailbox: Id; value: LetterFormValue; key: string; files?: { bytes: Buffer }[] },
): Promise<StoredLetter> {
  const stored: Id[] = []
  const removeFiles = () =>
    Promise.all(
      stored.map((id) =>
        payload.delete({ collection: REQUEST_FILES, id, overrideAccess: true }).catch(() => {}),
      ),
    )
  try {
    for (const file of files) {
      const kind = letterAttachmentKind(file.bytes)!
      const { mimetype, ext } = LETTER_ATTACHMENT_TYPES[kind]
      const made = await payload
        .create({
          collection: REQUEST_FILES,
          data: { site, purpose: '来信人提交的附件' },
          // A name of our own: the writer's file name may carry personal data or odd characters.
          file: {
            data: file.bytes,
            mimetype,
            name: `hdjl-${crypto.randomBytes(6).toString('hex')}.${ext}`,
            size: file.bytes.length,
          },
          overrideAccess: true,
          depth: 0,
        })
        .catch((err: unknown) => {
          // An outage is not the file's fault: that goes to the caller's "try again" page.
          throw isRefusal(err) ? new LetterFileRefused(err) : err
        })
      stored.push(made.id)
    }
    const doc = await payload.create({
      collection: LETTERS,
      data: {
        ...value,
        site,
        mailbox,
        channel: 'web',
        idempotencyKey: key,
        attachments: stored,
      },
      // The whole record, not a selection: the hooks after the change (the handlers' notice,
      // the statistics' purge) read its site and dates from it.
      overrideAccess: true,
      depth: 0,
      context: { noViewAudit: true },
    })
    // The form's checked values are spread into `data`, so Payload cannot infer the collection's
    // type and answers a bare JsonObject: the record is the collection's, at depth 0.
    return doc as unknown as StoredLetter
  } catch (err) {
    await removeFiles()
    // Another node (or an earlier attempt) created it with this key: answer with that one.
    if (isUniqueViolation(err)) {
      for (let i = 0; i < 10; i++) {
        const existing = await findLetterByKey(payload, site, key)
        if (existing) return existing
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    throw err
  }
}

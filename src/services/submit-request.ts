// 依申请公开: one submission of the public request form, whichever node receives it. The
// applicant's file is stored under a name of our own, the request under its idempotency key;
// the file is removed again when the request is not stored, and a key seen before (another
// node, an earlier attempt) answers with the request it already made.
import crypto from 'node:crypto'

import type { Payload } from 'payload'

import type { Id } from '../domain/ids'
import {
  REQUEST_ATTACHMENT_TYPES,
  requestAttachmentKind,
  type RequestFormValue,
} from '../domain/request-form'
import { DISCLOSURE_REQUESTS, REQUEST_FILES } from '../domain/slugs'
import { isUniqueViolation } from './shared-state'
import { isRefusal } from '../domain/refusal'

export type StoredRequest = {
  trackingCode: string
  receivedAt: string
  dueDate?: string | null
  dueExplanation?: string[] | null
  delivery?: RequestFormValue['delivery'] | null
  email?: string | null
  phone?: string | null
}

/** The request this site already has under an idempotency key, if any. */
export async function findByKey(
  payload: Payload,
  site: Id,
  key: string,
): Promise<StoredRequest | null> {
  const res = await payload.find({
    collection: DISCLOSURE_REQUESTS,
    where: { and: [{ idempotencyKey: { equals: key } }, { site: { equals: site } }] },
    select: {
      trackingCode: true,
      receivedAt: true,
      dueDate: true,
      dueExplanation: true,
      delivery: true,
      email: true,
      phone: true,
    },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    context: { noViewAudit: true },
  })
  return (res.docs[0] as StoredRequest | undefined) ?? null
}

/** The upload collection refused the file (its own checks); the applicant may choose another. */
export class AttachmentRefused extends Error {
  constructor(readonly reason: unknown) {
    super('attachment refused')
  }
}

/** Stores one submission; a key seen before answers with the request it made. */
export async function submitRequest(
  payload: Payload,
  {
    site,
    value,
    key,
    file,
  }: { site: Id; value: RequestFormValue; key: string; file: { bytes: Buffer } | null },
): Promise<StoredRequest> {
  const local = payload
  let fileId: string | number | null = null
  if (file) {
    const kind = requestAttachmentKind(file.bytes)!
    const { mimetype, ext } = REQUEST_ATTACHMENT_TYPES[kind]
    const made = await local
      .create({
        collection: REQUEST_FILES,
        data: { site, purpose: '申请人提交的材料' },
        // A name of our own: the applicant's file name may carry personal data or odd characters.
        file: {
          data: file.bytes,
          mimetype,
          name: `ysqgk-${crypto.randomBytes(6).toString('hex')}.${ext}`,
          size: file.bytes.length,
        },
        overrideAccess: true,
        depth: 0,
      })
      .catch((err: unknown) => {
        // An outage is not the file's fault: that goes to the caller's "try again" page.
        throw isRefusal(err) ? new AttachmentRefused(err) : err
      })
    fileId = made.id
  }
  try {
    const doc = await local.create({
      collection: DISCLOSURE_REQUESTS,
      data: {
        ...value,
        site,
        channel: 'web',
        idempotencyKey: key,
        files: fileId != null ? [fileId] : [],
      },
      overrideAccess: true,
      depth: 0,
      context: { noViewAudit: true },
    })
    // The form's checked values are spread into `data`, so Payload cannot infer the collection's
    // type and answers a bare JsonObject: the record is the collection's, at depth 0.
    return doc as unknown as StoredRequest
  } catch (err) {
    if (fileId != null) {
      await local
        .delete({ collection: REQUEST_FILES, id: fileId, overrideAccess: true })
        .catch(() => {})
    }
    // Another node (or an earlier attempt) created it with this key: answer with that one.
    if (isUniqueViolation(err)) {
      for (let i = 0; i < 10; i++) {
        const existing = await findByKey(payload, site, key)
        if (existing) return existing
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    throw err
  }
}

// Decides which fields of a record only the server writes: people change them by a workflow move
// or a handler's step, never by sending a value.

export type ServerOwnership = {
  /** Written only by the server's own code; a value a person sends is dropped. */
  fields: readonly string[]
  /** A person enters it when creating the record (a paper letter's day of receipt); then fixed. */
  setOnCreate?: readonly string[]
  /**
   * Marks a person asks for by sending any value; the server writes its own time and keeps the
   * first one (a mark is never re-dated or taken back).
   */
  marks?: readonly string[]
}

/** One list per collection. A name missing from the collection's fields fails at start-up. */
export const SERVER_OWNED = {
  articles: {
    fields: [
      // who and when of each move, and the moves themselves (流转记录)
      'history',
      'submittedBy',
      'submittedAt',
      'returnReason',
      'withdrawnReason',
      'withdrawnAt',
      'unpublishedReason',
      'unpublishedAt',
      'signedAt',
      'publishedAt',
      // numbers: the 索引号 is always taken by signing (发文字号: see docNumberChangeBlockers)
      'indexNumber',
      // emergency publication and its reason are the move's
      'emergency',
      'emergencyReason',
      // computed from the body on every save (the audit's index of bodies with links)
      'hasLinks',
      // where other sites show it: kept from its accepted shares (src/services/sharing.ts)
      'sharedInto',
      'sharedSites',
    ],
    marks: ['emergencyReviewedAt'],
  },
  'disclosure-requests': {
    fields: [
      'trackingCode',
      'idempotencyKey',
      // status, outcome and timeline change only through steps (request-steps.ts)
      'status',
      'outcome',
      'answeredAt',
      'timeline',
      // the statutory clock, computed on every save (workdays.ts)
      'dueDate',
      'dueExplanation',
      // fees are computed by the fee-notice step and stamped by the fee-paid step
      'feeAmount',
      'feeNoticeAt',
      'feePaidAt',
    ],
    // 信函、当面申请: the handler registers the day it arrived; moving it later would move the clock.
    setOnCreate: ['receivedAt'],
  },
  letters: {
    fields: [
      'number',
      'queryCode',
      'idempotencyKey',
      'firstSite',
      // status and the record of steps change only through steps (letters.ts)
      'status',
      'timeline',
      'transfers',
      'acceptedAt',
      'rejectReason',
      'rejectNote',
      'extensionDays',
      'extensionReason',
      'answeredAt',
      'answeredBy',
      'approvedAt',
      'approvedBy',
      'published',
      'publishedAt',
      'closedAt',
      'followUpAnswer',
      'followUpAt',
      // the writer's rating, given once on the tracking page
      'rating',
      'resolved',
      'ratingComment',
      'ratedAt',
      'followUpDueDate',
      // the clock, computed on every save
      'acceptDueDate',
      'answerDueDate',
      'vetoDate',
      'dueExplanation',
    ],
    // 纸质、电话来信: the handler registers the day it arrived; moving it later would move the clock.
    setOnCreate: ['receivedAt'],
  },
  'annual-reports': { fields: ['publishedAt'] },
  'error-reports': {
    fields: [
      'queryCode',
      'idempotencyKey',
      // the answer's outcome is the handler's `outcome` input, checked by error-reports.ts
      'status',
      'receivedAt',
      'dueDate',
      'answeredAt',
      'answeredBy',
      // the article the address points to, found by the server
      'article',
    ],
  },
  // A share is made by the server (an editor's push, a column's subscription); the receiving
  // site answers it with `status` and, declining, `declineReason` (src/domain/sharing.ts).
  shares: {
    fields: [
      'key',
      'title',
      'article',
      'originSite',
      'site',
      'column',
      'via',
      'sourceColumn',
      'decidedBy',
      'decidedAt',
    ],
  },
} as const satisfies Record<string, ServerOwnership>

export type OwnedCollection = keyof typeof SERVER_OWNED

export const ownershipOf = (collection: string): ServerOwnership | undefined =>
  (SERVER_OWNED as Record<string, ServerOwnership>)[collection]

/** Whether a person's request may write this field (server code writes all of them). */
export function personMayWrite({
  collection,
  field,
  operation,
}: {
  collection: string
  field: string
  operation: 'create' | 'update'
}): boolean {
  const owned = ownershipOf(collection)
  if (!owned) return true
  if (owned.fields.includes(field)) return false
  if (owned.setOnCreate?.includes(field)) return operation === 'create'
  return true
}

/** Every field name a collection's list holds, to check the list against the collection. */
export const ownedNames = (owned: ServerOwnership): string[] => [
  ...owned.fields,
  ...(owned.setOnCreate ?? []),
  ...(owned.marks ?? []),
]

/**
 * A mark's value after a person's request: the server's time when newly asked for (and
 * allowed), otherwise what it was.
 */
export function markValue({
  requested,
  before,
  now,
}: {
  requested: unknown
  before: string | null | undefined
  now: Date
}): string | null {
  if (before) return before
  return requested ? now.toISOString() : null
}

/**
 * A 发文字号 once signed stays, whether taken from a series or typed from a paper document:
 * changing it needs the site admin to void it first (number-assignments), then a new signing.
 */
export function docNumberChangeBlockers({
  before,
  after,
  signed,
  voided,
}: {
  before: string | null | undefined
  after: string | null | undefined
  /** The article has been signed (it holds a 索引号 or a signing time). */
  signed: boolean
  /** The site admin voided the old number. */
  voided: boolean
}): string[] {
  const was = String(before ?? '').trim()
  if (!was || was === String(after ?? '').trim()) return []
  if (signed && !voided) {
    return ['已签发的发文字号不能修改；如号码有误，请由站点管理员作废后重新签发']
  }
  return []
}

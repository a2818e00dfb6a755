// The disclosure requests' hooks: adapters over the request's use case (src/services/request-step)
// — the server's fields and the statutory clock before a change, mail and audit after it — and
// the record of every person's view of citizens' data.
import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionAfterReadHook,
  type CollectionBeforeChangeHook,
  ValidationError,
} from 'payload'

import { idOf } from '../../src/domain/ids'
import { actorOf, recordAudit } from '../../src/services/audit'
import {
  changeRequest,
  notifyRequestChange,
  type RequestRefusal,
  STEP_INPUTS,
  type StepRecord,
} from '../../src/services/request-step'
import { DISCLOSURE_REQUESTS } from '../slugs'

/**
 * About one field: a ValidationError with its path, so the admin marks the field. Otherwise an
 * APIError carrying the sentences.
 */
const refuse = ({ reasons, path }: RequestRefusal): never => {
  const message = reasons.join('；')
  if (!path) throw new APIError(message, 400, null, true)
  const error = new ValidationError({
    collection: DISCLOSURE_REQUESTS,
    errors: reasons.map((sentence) => ({ message: sentence, path })),
  })
  // Payload's own message is "The following field is invalid: <path>"; the handler reads ours.
  error.message = message
  throw error
}

/** Every change of a request, and every step, through the use case. */
export const applyRequestRules: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const outcome = await changeRequest(req, {
    data,
    original: originalDoc ?? {},
    operation: operation === 'create' ? 'create' : 'update',
    by: req.user ? idOf(req.user) : undefined,
    recomputed: Boolean(req.context.recomputed),
    now: new Date(),
  })
  if ('refusal' in outcome) return refuse(outcome.refusal)
  Object.assign(data, outcome.patch)
  if (outcome.record) req.context.requestStep = outcome.record
  for (const k of STEP_INPUTS) delete data[k]
  return data
}

/** New requests are announced to handlers; each step is told to the applicant and audited. */
export const afterRequestChange: CollectionAfterChangeHook = ({ doc, operation, req }) => {
  const record = req.context.requestStep as StepRecord | undefined
  if (req.context.seeding) return doc
  if (record) req.context.requestStep = undefined
  notifyRequestChange(req, { doc, operation: operation === 'create' ? 'create' : 'update', record })
  return doc
}

/** Every time a person (not a service) opens a record of citizens' data, the view is recorded. */
export const auditPersonalDataView =
  (slug: string): CollectionAfterReadHook =>
  ({ doc, req }) => {
    if (!req.user || req.context.audit || req.context.noViewAudit) return doc
    void recordAudit(req.payload, {
      action: 'personal-data.view',
      ...actorOf(req),
      site: idOf(doc.site),
      target: `${slug}:${doc.id}`,
    })
    return doc
  }

// The disclosure requests' hooks: adapters over the request's use case (src/services/request-step)
// — the server's fields and the statutory clock before a change, mail and audit after it — and
// the record of every person's view of citizens' data.
import type {
  CollectionAfterChangeHook,
  CollectionAfterReadHook,
  CollectionBeforeChangeHook,
} from 'payload'

import { idOf } from '../../src/domain/ids'
import { actorOf, recordAudit } from '../../src/services/audit'
import {
  changeRequest,
  notifyRequestChange,
  STEP_INPUTS,
  type StepRecord,
} from '../../src/services/request-step'
import { refuse } from '../refuse'
import { DISCLOSURE_REQUESTS } from '../slugs'

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
  if ('refusal' in outcome) return refuse(DISCLOSURE_REQUESTS, outcome.refusal)
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

// The letters' hooks: adapters over the letter's use case (src/services/letter-step) — the
// server's fields and the clock before a change, mail and audit after it.
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { idOf } from '../../src/domain/ids'
import {
  changeLetter,
  LETTER_STEP_INPUTS,
  type LetterStepRecord,
  notifyLetterChange,
} from '../../src/services/letter-step'
import { refuse } from '../refuse'
import { LETTERS } from '../slugs'

/** Every change of a letter, and every step, through the use case. */
export const applyLetterRules: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const outcome = await changeLetter(req, {
    data,
    original: originalDoc ?? {},
    operation: operation === 'create' ? 'create' : 'update',
    by: req.user ? idOf(req.user) : undefined,
    now: new Date(),
    trusted: Boolean(req.context.letterService),
  })
  if ('refusal' in outcome) return refuse(LETTERS, outcome.refusal)
  Object.assign(data, outcome.patch)
  if (outcome.record) req.context.letterStep = outcome.record
  if (outcome.record?.step === 'transfer') req.context.siteMove = true
  for (const k of LETTER_STEP_INPUTS) delete data[k]
  return data
}

/** New letters are announced to handlers; each step is told to the writer and audited. */
export const afterLetterChange: CollectionAfterChangeHook = ({ doc, operation, req }) => {
  const record = req.context.letterStep as LetterStepRecord | undefined
  if (req.context.seeding) return doc
  if (record) req.context.letterStep = undefined
  notifyLetterChange(req, { doc, operation: operation === 'create' ? 'create' : 'update', record })
  return doc
}

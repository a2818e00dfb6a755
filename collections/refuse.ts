// A refusal from a use case (sentences, a status, the field at fault) as the error Payload shows
// the person: one shape for every collection.
import { APIError, ValidationError } from 'payload'

import type { Refusal } from '../src/domain/refusal'

/**
 * About one field: a ValidationError with its path, so the admin marks the field. Otherwise an
 * APIError carrying the sentences.
 */
export const refuse = (
  collection: string,
  { reasons, status = 400, path, fields }: Refusal,
): never => {
  const message = reasons.join('；')
  const errors = fields?.length
    ? fields
    : path
      ? reasons.map((sentence) => ({ message: sentence, path }))
      : null
  if (!errors) throw new APIError(message, status, { reasons }, true)
  const error = new ValidationError({ collection, errors })
  // Payload's own message is "The following field is invalid: <path>"; the person reads ours.
  error.message = message
  throw error
}

// The tracking code (查询码) a request is given when it is received.
import crypto from 'node:crypto'

import { TRACKING_CODE_ALPHABET, TRACKING_CODE_LENGTH } from '../domain/disclosure'

/** 16 random characters of the tracking alphabet, written in four groups (80 bits). */
export function newTrackingCode(): string {
  const bytes = crypto.randomBytes(TRACKING_CODE_LENGTH)
  const chars = [...bytes].map((b) => TRACKING_CODE_ALPHABET[b & 31])
  return chars.join('').match(/.{4}/g)!.join('-')
}

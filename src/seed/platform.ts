// Platform data every installation needs, demo or not: the official work calendar and the
// disclosure topic and genre lists, each seeded into an empty collection. Called by Payload's
// onInit (payload.config.ts), so the server, `npm run seed` and any other start give requests the
// same deadlines.
import type { Payload } from 'payload'

import { seedCalendarIfEmpty } from './calendar'
import { seedClassificationsIfEmpty } from './disclosure'

export async function ensurePlatformData(payload: Payload) {
  const calendar = await seedCalendarIfEmpty(payload)
  const classifications = await seedClassificationsIfEmpty(payload)
  return { calendar, classifications }
}

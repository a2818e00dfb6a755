// Documents on their way to signing, for tests: what signing asks of them, a notice drafted by a
// person, a site's numbering series and the record of a number given out.
import type { Payload } from 'payload'

import type { Id, TestUser } from './fixtures'

/** What signing asks of a document besides its text: issuing organ, date formed, disclosure. */
export const SIGNABLE = {
  issuingOrgan: '测试机构办公室',
  dateFormed: '2026-11-20',
  disclosureMode: 'proactive',
}

/** A notice ready to be signed, drafted by a person through the Local API: its id. */
export const draftNotice = async (
  payload: Payload,
  user: TestUser,
  { site, column, ...over }: { site: Id; column: Id } & Record<string, unknown>,
) =>
  (
    await payload.create({
      collection: 'articles',
      data: { site, columns: [column], title: '关于测试的通知', ...SIGNABLE, ...over },
      user,
      overrideAccess: false,
    })
  ).id

/** A document-number series of the site ("测试发〔year〕n号" unless `over` says otherwise). */
export async function makeSeries(payload: Payload, site: Id, over: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'numbering-series',
    data: { site, name: '测试文件', prefix: '测试发', kind: 'regular', ...over },
    overrideAccess: true,
  })
}

/** The number-assignment record of a document number, if there is one. */
export const numberAssignment = async (payload: Payload, number: string | null | undefined) =>
  (
    await payload.find({
      collection: 'number-assignments',
      where: { number: { equals: number } },
      overrideAccess: true,
    })
  ).docs[0]

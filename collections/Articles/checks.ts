// The checks and marks of every article save that are not the workflow's: a body's links
// marked for the audit, a policy document's validity, and columns of the article's own site.
import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { beijingDate } from '../../src/domain/dates'
import { validityProblems } from '../../src/domain/disclosure'
import { idOf, idsOf, sameId } from '../../src/domain/ids'
import { bodyLinks } from '../../src/domain/prepublish'
import { refuse } from '../refuse'
import { ARTICLES, COLUMNS } from '../slugs'

/**
 * Whether the body links anywhere, kept on save: the site audit reads only the bodies that do
 * (reading every body of a large platform each night would take minutes).
 */
export const linksMarked: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  data.hasLinks = bodyLinks('body' in data ? data.body : originalDoc?.body).length > 0
  return data
}

/** A policy document's validity mark names its date and, when amended or repealed, what did it. */
export const validityMarked: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const pick = (k: string) => (k in data ? data[k] : originalDoc?.[k])
  const validity = pick('validity')
  if (!validity) return data
  const changedBy = idOf(pick('validityChangedBy'))
  if (sameId(changedBy, originalDoc?.id)) {
    refuse(ARTICLES, {
      reasons: ['不能把文件本身关联为修改或废止它的文件'],
      path: 'validityChangedBy',
    })
  }
  const problems = validityProblems({
    validity,
    changedOn: pick('validityChangedOn') ? beijingDate(pick('validityChangedOn')) : null,
    changedBy: changedBy ?? null,
    issuedOn: pick('dateFormed') ? beijingDate(pick('dateFormed')) : null,
  })
  if (problems.length) throw new APIError(problems.join('；'), 400, null, true)
  return data
}

/** Every column of an article belongs to the article's own site. */
export const columnsOnSameSite: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const site = idOf(data.site ?? originalDoc?.site)
  const columns = idsOf(data.columns ?? originalDoc?.columns)
  if (!columns.length) return data
  const found = await req.payload.find({
    collection: COLUMNS,
    where: { id: { in: columns } },
    depth: 0,
    limit: columns.length,
    req,
  })
  const foreign = found.docs.filter((c) => !sameId(c.site, site))
  if (foreign.length || found.docs.length !== columns.length) {
    const names = foreign.map((c) => c.name).join('、') || '已删除的栏目'
    refuse(ARTICLES, { reasons: [`栏目“${names}”不属于本站，请重新选择`], path: 'columns' })
  }
  return data
}

// Sharing across sites (src/services/sharing.ts) adapted to the hooks of articles, columns and
// shares: refusals become the person's error, changes become rows and placements.
import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionBeforeValidateHook,
} from 'payload'

import { type Id, idOf, idsOf, sameId } from '../../src/domain/ids'
import {
  receivingColumnDeleted,
  shareArticleChange,
  shareDecided,
  shareDecision,
  sharedArticleDeleted,
  shareTargetRefusal,
  subscriptionChange,
  subscriptionRefusal,
  targetsOutside,
} from '../../src/services/sharing'
import { refuse } from '../refuse'
import { ARTICLES, COLUMNS, SHARES } from '../slugs'

/** An editor may share only into open sites' columns, never into the article's own site. */
export const checkShareTargets: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (!('shareTo' in data)) return data
  const refusal = await shareTargetRefusal(req, {
    site: idOf(data.site ?? originalDoc?.site) as Id,
    chosen: idsOf(data.shareTo),
    before: idsOf(originalDoc?.shareTo),
  })
  if (refusal) refuse(ARTICLES, refusal)
  return data
}

/** Moving to another site: pushes into the new site's own columns end (before validation). */
export const shareToOnMove: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data || !originalDoc || data.site == null || sameId(data.site, originalDoc.site)) return data
  const chosen = idsOf('shareTo' in data ? data.shareTo : originalDoc.shareTo)
  if (chosen.length) data.shareTo = await targetsOutside(req, idOf(data.site) as Id, chosen)
  return data
}

export const shareArticle: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  await shareArticleChange(req, doc, previousDoc)
  return doc
}

/** Before the article goes (a share row cannot outlive its article: the key is required). */
export const unshareArticle: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await sharedArticleDeleted(req, id)
}

/** A column subscribes only to other sites' columns. */
export const checkSubscriptions: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  req,
}) => {
  if (!('subscriptions' in data)) return data
  const refusal = await subscriptionRefusal(req, {
    site: idOf(data.site ?? originalDoc?.site) as Id,
    sources: idsOf(data.subscriptions),
  })
  if (refusal) refuse(COLUMNS, refusal)
  return data
}

export const followSubscriptions: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  await subscriptionChange(req, doc, previousDoc)
  return doc
}

/** Before a receiving column goes: its rows, and the placements of the articles it showed. */
export const unshareColumn: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await receivingColumnDeleted(req, id)
}

export const decideShare: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc) return data
  const refusal = shareDecision(req, { data, original: originalDoc })
  if (refusal) refuse(SHARES, refusal)
  return data
}

export const afterShareDecision: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation === 'update') await shareDecided(req, doc, previousDoc)
  return doc
}

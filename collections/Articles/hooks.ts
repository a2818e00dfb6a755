// Adapts the publishing use case (src/services/move-article) to Payload: every change of
// `state` — admin buttons or REST alike — passes through enforceWorkflow.
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { idOf } from '../../src/domain/ids'
import { hasSiteRole, isPlatformAdmin, toActor } from '../../src/domain/permissions'
import { markValue } from '../../src/domain/server-owned'
import { isState, type MoveName } from '../../src/domain/workflow'
import { changeArticle, type MoveRecord, notifyMove } from '../../src/services/move-article'
import { refuse } from '../refuse'
import { ARTICLES } from '../slugs'

/** The workflow on the server: every change of an article, and every move, through the use case. */
export const enforceWorkflow: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  req,
  operation,
}) => {
  const original = (originalDoc ?? {}) as Record<string, unknown>
  const reason = typeof data.workflowReason === 'string' ? data.workflowReason.trim() : ''
  const requested =
    data.workflowMove ?? (req.data as Record<string, unknown> | undefined)?.workflowMove
  delete data.workflowMove
  delete data.workflowReason

  if (req.context.seeding) {
    data.state = isState(data.state)
      ? data.state
      : isState(original.state)
        ? original.state
        : 'draft'
    return data
  }
  const outcome = await changeArticle(req, {
    data,
    original,
    operation: operation === 'create' ? 'create' : 'update',
    actor: toActor(req.user),
    byPerson: Boolean(req.user),
    systemMove: Boolean(req.context.systemMove),
    restoring: Boolean(req.context.isRestoringVersion),
    move: typeof requested === 'string' ? (requested as MoveName) : undefined,
    reason,
    now: new Date(),
  })
  if ('refusal' in outcome) refuse(ARTICLES, outcome.refusal)
  else if (outcome.record) req.context.workflow = outcome.record
  return data
}

/**
 * Only a site admin marks an emergency publication as reviewed afterwards. The mark is the
 * server's time, set once: a person asks for it with any value, and cannot date or undo it.
 */
export const guardEmergencyReview: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (req.context.seeding) return data
  if (operation === 'create') {
    if (req.user) data.emergencyReviewedAt = null
    return data
  }
  if (!originalDoc || !('emergencyReviewedAt' in data)) return data
  const before = (originalDoc.emergencyReviewedAt as string | null | undefined) ?? null
  const asked = Boolean(data.emergencyReviewedAt) && !before
  if (asked) {
    const actor = toActor(req.user)
    if (!isPlatformAdmin(actor) && !hasSiteRole(actor, idOf(originalDoc.site), 'site-admin')) {
      refuse(ARTICLES, { reasons: ['只有站点管理员可以确认紧急发布已复核'], status: 403 })
    }
    if (!originalDoc.emergency) refuse(ARTICLES, { reasons: ['该信息不是紧急发布，无需复核'] })
  }
  // Server code without a user (scripts, imports) may still set or clear it.
  if (req.user) {
    data.emergencyReviewedAt = markValue({
      requested: data.emergencyReviewedAt,
      before,
      now: new Date(),
    })
  }
  return data
}

/** After a move: the audit event, and mail to the next people to act. */
export const afterMove: CollectionAfterChangeHook = ({ doc, req }) => {
  const record = req.context.workflow as MoveRecord | undefined
  if (!record) return doc
  delete req.context.workflow
  notifyMove(req, doc, record)
  return doc
}

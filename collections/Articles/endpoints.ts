// What the admin's workflow panel asks: which moves this person may make now, and what the
// pre-publication checks find in the article as saved.
import type { Endpoint, PayloadRequest } from 'payload'

import { idOf } from '../../src/domain/ids'
import { availableMoves, isState, WORKFLOW_DEFAULTS } from '../../src/domain/workflow'
import { panelFindings } from '../../src/services/prepublish-check'
import { toActor } from '../access'
import { ARTICLES, SITES } from '../slugs'

async function loadForUser(req: PayloadRequest) {
  const id = req.routeParams?.id as string
  if (!req.user) return { error: Response.json({ message: '请先登录' }, { status: 401 }) }
  const doc = await req.payload
    .findByID({ collection: ARTICLES, id, depth: 0, overrideAccess: false, user: req.user, req })
    .catch(() => null)
  if (!doc) return { error: Response.json({ message: '信息不存在或无权查看' }, { status: 404 }) }
  return { doc: { ...doc } }
}

export const endpoints: Endpoint[] = [
  {
    path: '/:id/moves',
    method: 'get',
    handler: async (req) => {
      const { doc, error } = await loadForUser(req)
      if (error) return error
      const site = (await req.payload.findByID({
        collection: SITES,
        id: idOf(doc.site)!,
        depth: 0,
        overrideAccess: true,
        select: { publishing: true },
      })) as { publishing?: { reviewStep?: boolean; fourEyes?: boolean } }
      const state = isState(doc.state) ? doc.state : 'draft'
      const moves = availableMoves({
        actor: toActor(req.user),
        article: {
          site: idOf(doc.site),
          state,
          submittedBy: idOf(doc.submittedBy) ?? null,
          scheduledAt: (doc.scheduledAt as string) ?? null,
        },
        settings: { ...WORKFLOW_DEFAULTS, ...site?.publishing },
        now: new Date(),
      }).map((m) => ({
        name: m.name,
        label: m.label,
        to: m.to,
        needsReason: Boolean(m.needsReason),
      }))
      return Response.json({ state, moves })
    },
  },
  {
    path: '/:id/checks',
    method: 'get',
    handler: async (req) => {
      const { doc, error } = await loadForUser(req)
      if (error) return error
      return Response.json({ findings: await panelFindings(req, doc) })
    },
  },
]

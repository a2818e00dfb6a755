// The guided 关停/整合 action's two buttons (the form is /admin/retire): carry the plan out, and
// check every old address again. Platform admins only; both answer 303 back to the form.
import type { Endpoint, PayloadRequest } from 'payload'

import { isPlatformAdmin } from '../src/domain/permissions'
import { retireForm } from '../src/domain/site-retirement'
import { actorOf } from '../src/services/audit'
import { checkAndRecord } from '../src/services/retire-check'
import { retireSite } from '../src/services/retire-site'
import { settings } from '../src/settings'
import { toActor } from './access'

const back = (query: string) =>
  new Response(null, { status: 303, headers: { Location: `/admin/retire?${query}` } })

async function guard(req: PayloadRequest): Promise<Response | null> {
  if (!req.user) return Response.json({ message: '请先登录' }, { status: 401 })
  if (!isPlatformAdmin(toActor(req.user)))
    return Response.json({ message: '只有平台管理员可以关停或整合站点' }, { status: 403 })
  return null
}

export const retireEndpoint: Endpoint = {
  path: '/:id/retire',
  method: 'post',
  handler: async (req) => {
    const refused = await guard(req)
    if (refused) return refused
    const site = String(req.routeParams?.id ?? '')
    const fields = new URLSearchParams(await req.text!())
    const form = retireForm(fields)
    fields.set('site', site)
    fields.set('preview', '1')
    if (fields.get('confirm') !== 'yes') {
      fields.set('problem', 'confirm')
      return back(fields.toString())
    }
    if (!form.successor) {
      fields.set('problem', 'successor')
      return back(fields.toString())
    }
    const result = await retireSite(
      req.payload,
      { site, successor: form.successor, mode: form.mode, choices: form.choices },
      { by: actorOf(req) },
    )
    // A refusal shows on the preview, which computes it again with the same fields.
    if (!result.ok) return back(fields.toString())
    await checkAndRecord(req.payload, site, {
      port: settings.port,
      devHosts: settings.devHosts,
      by: actorOf(req),
    })
    return back(`site=${encodeURIComponent(site)}`)
  },
}

export const retireCheckEndpoint: Endpoint = {
  path: '/:id/retire-check',
  method: 'post',
  handler: async (req) => {
    const refused = await guard(req)
    if (refused) return refused
    const site = String(req.routeParams?.id ?? '')
    await checkAndRecord(req.payload, site, {
      port: settings.port,
      devHosts: settings.devHosts,
      by: actorOf(req),
    })
    return back(`site=${encodeURIComponent(site)}`)
  },
}

import { describe, expect, it } from 'vitest'

import { type Actor, unlockableSites, unlockBlockers } from '../../src/domain/permissions'

const platformAdmin: Actor = { id: 1, platformRoles: ['platform-admin'] }
const auditor: Actor = { id: 2, platformRoles: ['auditor'] }
const siteAdminA: Actor = { id: 3, sites: [{ site: 'a', roles: ['site-admin'] }] }
const editorA: Actor = { id: 4, sites: [{ site: 'a', roles: ['editor'] }] }
const editorB: Actor = { id: 5, sites: [{ site: 'b', roles: ['editor'] }] }
const editorAB: Actor = {
  id: 6,
  sites: [
    { site: { id: 'b' }, roles: ['editor'] },
    { site: 'a', roles: ['reviewer'] },
  ],
}
const adminOnA: Actor = {
  id: 7,
  platformRoles: ['platform-admin'],
  sites: [{ site: 'a', roles: ['editor'] }],
}

describe('who may unlock whom', () => {
  it.each<[string, Actor | null, Actor | null, string[]]>([
    ['nobody logged in', null, editorA, ['请先登录']],
    [
      'an editor, a platform admin',
      editorA,
      platformAdmin,
      ['只有平台管理员和站点管理员可以解锁账号'],
    ],
    ['an auditor, an editor', auditor, editorA, ['只有平台管理员和站点管理员可以解锁账号']],
    ['a site admin, their site’s editor', siteAdminA, editorA, []],
    ['a site admin, someone also working on their site', siteAdminA, editorAB, []],
    ['a site admin, another site’s editor', siteAdminA, editorB, ['只能解锁本站人员的账号']],
    [
      'a site admin, a platform admin',
      siteAdminA,
      platformAdmin,
      ['只有平台管理员可以解锁平台管理员或监管员的账号'],
    ],
    [
      'a site admin, a platform admin with a role on their site',
      siteAdminA,
      adminOnA,
      ['只有平台管理员可以解锁平台管理员或监管员的账号'],
    ],
    [
      'a site admin, an auditor',
      siteAdminA,
      auditor,
      ['只有平台管理员可以解锁平台管理员或监管员的账号'],
    ],
    ['a site admin, no such account', siteAdminA, null, ['只能解锁本站人员的账号']],
    ['a platform admin, anyone', platformAdmin, adminOnA, []],
  ])('%s: %j', (_, actor, target, expected) => {
    expect(unlockBlockers({ actor, target })).toEqual(expected)
  })

  it('limits the query to the sites a person administers', () => {
    expect(unlockableSites(platformAdmin)).toBe(true)
    expect(unlockableSites(siteAdminA)).toEqual(['a'])
    expect(unlockableSites(editorA)).toEqual([])
  })
})

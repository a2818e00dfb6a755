import { describe, expect, it } from 'vitest'

import type { Actor, SiteRole } from '../../src/domain/permissions'
import {
  assignsNumbers,
  availableMoves,
  contentLocked,
  findMove,
  moveBlockers,
  nextActors,
  type State,
  STATES,
} from '../../src/domain/workflow'

const person = (id: number, ...roles: SiteRole[]): Actor => ({ id, sites: [{ site: 1, roles }] })
const editor = person(1, 'editor')
const reviewer = person(2, 'reviewer')
const signer = person(3, 'signer')
const siteAdmin = person(4, 'site-admin')
const otherSiteSigner: Actor = { id: 5, sites: [{ site: 2, roles: ['signer'] }] }
const platformAdmin: Actor = { id: 6, platformRoles: ['platform-admin'] }
const editorSigner = person(7, 'editor', 'signer')

const article = (state: State, submittedBy: number | null = 1) => ({ site: 1, state, submittedBy })

describe('workflow moves', () => {
  it.each<[string, Actor, State, State, string | null]>([
    ['an editor submits a draft', editor, 'draft', 'submitted', null],
    ['an editor resubmits a returned item', editor, 'returned', 'submitted', null],
    ['a reviewer approves', reviewer, 'submitted', 'reviewed', null],
    ['a reviewer returns with a reason', reviewer, 'submitted', 'returned', '请补充附件'],
    ['a signer signs a reviewed item', signer, 'reviewed', 'signed', null],
    ['a signer publishes a signed item', signer, 'signed', 'published', null],
    ['a signer withdraws with a reason', signer, 'published', 'withdrawn', '内容需更正'],
    ['a site admin unpublishes with a reason', siteAdmin, 'published', 'unpublished', '已被替代'],
    ['a site admin signs', siteAdmin, 'reviewed', 'signed', null],
    ['a platform admin returns', platformAdmin, 'reviewed', 'returned', '退回'],
    ['a site admin reworks an unpublished item', siteAdmin, 'unpublished', 'draft', null],
  ])('allows: %s', (_, actor, from, to, reason) => {
    expect(moveBlockers({ actor, article: article(from), to, reason })).toEqual([])
  })

  it.each<[string, Actor, State, State, RegExp]>([
    ['an editor cannot approve', editor, 'submitted', 'reviewed', /只有本站的审核人或站点管理员/],
    ['an editor cannot sign', editor, 'reviewed', 'signed', /只有本站的签发人/],
    ['a reviewer cannot sign', reviewer, 'reviewed', 'signed', /签发/],
    ['a reviewer cannot publish', reviewer, 'signed', 'published', /发布/],
    ['a signer of another site cannot sign', otherSiteSigner, 'reviewed', 'signed', /只有本站/],
    ['a draft cannot jump to published', signer, 'draft', 'published', /不能改为“已发布”/],
    ['a draft cannot be signed', signer, 'draft', 'signed', /草稿.*不能改为“已签发”/],
    ['a published item cannot go back to draft', siteAdmin, 'published', 'draft', /不能/],
    ['an editor cannot unpublish', editor, 'published', 'unpublished', /站点管理员/],
    ['a signer cannot unpublish', signer, 'published', 'unpublished', /只有本站的站点管理员/],
  ])('refuses: %s', (_, actor, from, to, message) => {
    const reasons = moveBlockers({ actor, article: article(from, 99), to, reason: '理由' })
    expect(reasons.join('；')).toMatch(message)
  })

  it('refuses to sign an item its signer submitted, while four eyes are on', () => {
    const input = { actor: editorSigner, article: article('reviewed', 7), to: 'signed' as const }
    expect(moveBlockers(input)).toEqual(['稿件由您本人提交，须由另一位签发人签发'])
    expect(moveBlockers({ ...input, settings: { fourEyes: false } })).toEqual([])
  })

  it('refuses to approve an item its reviewer submitted', () => {
    const both = person(8, 'editor', 'reviewer')
    const reasons = moveBlockers({ actor: both, article: article('submitted', 8), to: 'reviewed' })
    expect(reasons).toEqual(['稿件由您本人提交，须由另一位审核人审核通过'])
  })

  it('lets the submitter return their own item (returning approves nothing)', () => {
    const both = person(8, 'editor', 'reviewer')
    const input = { actor: both, article: article('submitted', 8), to: 'returned' as const }
    expect(moveBlockers({ ...input, reason: '撤回修改' })).toEqual([])
  })

  it('compares submitters as strings, so Mongo ids and SQL ids behave alike', () => {
    const actor: Actor = { id: 'abc', sites: [{ site: 1, roles: ['signer'] }] }
    const art = { site: 1, state: 'reviewed' as const, submittedBy: 'abc' }
    expect(moveBlockers({ actor, article: art, to: 'signed' })).toHaveLength(1)
  })

  it.each<[State, State]>([
    ['submitted', 'returned'],
    ['published', 'withdrawn'],
    ['published', 'unpublished'],
  ])('requires a reason to move %s → %s', (from, to) => {
    const reasons = moveBlockers({ actor: siteAdmin, article: article(from), to, reason: '  ' })
    expect(reasons.join()).toMatch(/须填写理由/)
  })

  it('signs a submitted item directly only when the site has no review step', () => {
    const input = { actor: signer, article: article('submitted'), to: 'signed' as const }
    expect(moveBlockers(input)).toEqual(['本站要求先审核后签发，稿件尚未审核'])
    expect(moveBlockers({ ...input, settings: { reviewStep: false } })).toEqual([])
    const review = { actor: reviewer, article: article('submitted'), to: 'reviewed' as const }
    expect(moveBlockers({ ...review, settings: { reviewStep: false } })).toEqual([
      '本站未启用审核环节，提交后直接签发',
    ])
  })

  it('schedules only with a time in the future', () => {
    const now = new Date('2026-11-22T02:00:00Z')
    const at = (scheduledAt: string | null) => ({ ...article('signed'), scheduledAt })
    const move = { actor: signer, to: 'scheduled' as const, now }
    expect(moveBlockers({ ...move, article: at(null) })).toEqual(['定时发布须填写发布时间'])
    expect(moveBlockers({ ...move, article: at('2026-11-22T01:00:00Z') })).toEqual([
      '定时发布的时间须晚于现在',
    ])
    expect(moveBlockers({ ...move, article: at('2026-11-22T03:00:00Z') })).toEqual([])
  })

  it('publishes in an emergency from any unsigned state, with a reason, by a signer', () => {
    for (const from of ['draft', 'submitted', 'reviewed', 'returned'] as const) {
      const input = { actor: signer, article: article(from, 3), to: 'published' as const }
      expect(moveBlockers({ ...input, move: 'emergency', reason: '突发事件' })).toEqual([])
      expect(moveBlockers({ ...input, move: 'emergency' })).toEqual(['紧急发布须填写理由'])
      expect(moveBlockers({ ...input })).not.toEqual([])
    }
    const byEditor = { actor: editor, article: article('draft'), to: 'published' as const }
    expect(moveBlockers({ ...byEditor, move: 'emergency', reason: 'x' })).toEqual([
      '只有本站的签发人或站点管理员可以紧急发布',
    ])
  })

  it('refuses when nobody is logged in', () => {
    expect(moveBlockers({ actor: null, article: article('draft'), to: 'submitted' })).toEqual([
      '请先登录',
    ])
  })

  it('a state staying the same is no move', () => {
    for (const s of STATES)
      expect(moveBlockers({ actor: null, article: article(s), to: s })).toEqual([])
  })
})

describe('the buttons each person sees', () => {
  const names = (actor: Actor, state: State, submittedBy: number | null = 1) =>
    availableMoves({ actor, article: article(state, submittedBy), now: new Date() }).map(
      (m) => m.name,
    )

  it.each<[string, Actor, State, string[]]>([
    ['editor, draft', editor, 'draft', ['submit']],
    ['editor, submitted', editor, 'submitted', []],
    ['reviewer, submitted', reviewer, 'submitted', ['review', 'return']],
    ['signer, reviewed', signer, 'reviewed', ['return', 'sign', 'emergency']],
    ['signer, signed', signer, 'signed', ['return', 'publish']],
    ['signer, published', signer, 'published', ['withdraw']],
    ['site admin, published', siteAdmin, 'published', ['withdraw', 'unpublish']],
    ['site admin, draft', siteAdmin, 'draft', ['submit', 'emergency']],
  ])('%s', (_, actor, state, expected) => {
    expect(names(actor, state)).toEqual(expected)
  })

  it('hides signing from the person who submitted', () => {
    expect(names(editorSigner, 'reviewed', 7)).toEqual(['return', 'emergency'])
  })
})

describe('workflow facts', () => {
  it.each<[State, string[]]>([
    ['submitted', ['reviewer']],
    ['reviewed', ['signer']],
    ['returned', ['editor']],
    ['signed', ['signer', 'editor']],
    ['published', []],
  ])('after %s the next to act are %j', (state, roles) => {
    expect(nextActors(state)).toEqual(roles)
  })

  it('sends submitted items to signers when a site has no review step', () => {
    expect(nextActors('submitted', { reviewStep: false })).toEqual(['signer'])
  })

  it('locks content once signed', () => {
    expect(STATES.filter(contentLocked)).toEqual(['signed', 'scheduled'])
  })

  it('takes numbers when signing and on an emergency publish, not when a schedule fires', () => {
    expect(assignsNumbers('reviewed', 'signed')).toBe(true)
    expect(assignsNumbers('scheduled', 'signed')).toBe(false)
    expect(assignsNumbers('draft', 'published', 'emergency')).toBe(true)
    expect(assignsNumbers('signed', 'published', 'publish')).toBe(false)
  })

  it('finds the emergency move only by name', () => {
    expect(findMove('draft', 'published')).toBeUndefined()
    expect(findMove('draft', 'published', 'emergency')?.name).toBe('emergency')
    expect(findMove('signed', 'published')?.name).toBe('publish')
  })
})

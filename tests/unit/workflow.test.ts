import { describe, expect, it } from 'vitest'

import type { Actor, SiteRole } from '../../src/domain/permissions'
import {
  assignsNumbers,
  availableMoves,
  contentChanged,
  contentLocked,
  findMove,
  moveBlockers,
  moveEffects,
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

describe('the effects of a move', () => {
  const now = new Date('2026-03-02T01:00:00.000Z')
  const at = now.toISOString()
  const effects = (
    from: State,
    to: State,
    move: Parameters<typeof moveEffects>[0]['move'],
    article: Parameters<typeof moveEffects>[0]['article'] = {},
    reason = '',
  ) => moveEffects({ from, to, move, reason, by: 1, now, article })

  it.each<[string, State, State, Parameters<typeof moveEffects>[0]['move'], string, object]>([
    [
      'a submit names who submitted and when',
      'draft',
      'submitted',
      'submit',
      '',
      { submittedBy: 1, submittedAt: at },
    ],
    [
      'a return keeps its reason',
      'submitted',
      'returned',
      'return',
      '缺附件',
      { returnReason: '缺附件' },
    ],
    [
      'a withdrawal keeps its reason and time',
      'published',
      'withdrawn',
      'withdraw',
      '更正',
      { withdrawnReason: '更正', withdrawnAt: at },
    ],
    [
      'an unpublishing keeps its reason and time',
      'published',
      'unpublished',
      'unpublish',
      '替代',
      { unpublishedReason: '替代', unpublishedAt: at },
    ],
    [
      'a publish dates the page and clears the schedule',
      'signed',
      'published',
      'publish',
      '',
      { publishedAt: at, scheduledAt: null },
    ],
    [
      'an emergency marks itself for review',
      'draft',
      'published',
      'emergency',
      '汛情',
      {
        emergency: true,
        emergencyReason: '汛情',
        emergencyReviewedAt: null,
        publishedAt: at,
        scheduledAt: null,
        signedAt: at,
      },
    ],
    ['a signing dates the signature', 'reviewed', 'signed', 'sign', '', { signedAt: at }],
    ['a review changes no field', 'submitted', 'reviewed', 'review', '', {}],
  ])('%s', (_, from, to, move, reason, fields) => {
    expect(effects(from, to, move, {}, reason).fields).toEqual(fields)
  })

  it('keeps the first publication date when a withdrawn page is republished', () => {
    const first = '2025-01-01T00:00:00.000Z'
    expect(effects('withdrawn', 'published', 'publish', { publishedAt: first }).fields).toEqual({
      scheduledAt: null,
    })
    expect(effects('scheduled', 'published', 'publish', { publishedAt: first }).fields).toEqual({
      publishedAt: first,
      scheduledAt: null,
    })
  })

  it('writes one history row, with no empty reason', () => {
    expect(effects('draft', 'submitted', 'submit').history).toEqual({
      at,
      by: 1,
      from: 'draft',
      to: 'submitted',
      move: 'submit',
      reason: undefined,
    })
    expect(effects('published', 'withdrawn', 'withdraw', {}, '更正').history.reason).toBe('更正')
  })

  it('takes numbers only when signing', () => {
    expect(effects('signed', 'published', 'publish').numbers).toBeNull()
    expect(effects('scheduled', 'signed', 'unschedule').numbers).toBeNull()
    expect(effects('reviewed', 'signed', 'sign', { numberingSeries: 4 }).numbers).toEqual({
      year: 2026,
      indexNumber: true,
      docNumber: 'take',
    })
  })

  it('keeps an index number from an earlier signing, and records a hand-typed 发文字号', () => {
    const numbers = effects('reviewed', 'signed', 'sign', {
      indexNumber: '000-01/2026-00001',
      docNumber: '测试发〔2025〕7号',
      numberingSeries: 4,
    }).numbers
    expect(numbers).toEqual({
      year: 2026,
      indexNumber: false,
      docNumber: { record: { number: '测试发〔2025〕7号', year: 2025, seq: 7 } },
    })
  })

  it('takes no 发文字号 without a series, nor for one it cannot read', () => {
    expect(effects('reviewed', 'signed', 'sign').numbers?.docNumber).toBe('none')
    expect(
      effects('reviewed', 'signed', 'sign', { docNumber: '随手写的' }).numbers?.docNumber,
    ).toBe('none')
  })

  it('counts the year in Beijing time', () => {
    const newYear = moveEffects({
      from: 'reviewed',
      to: 'signed',
      move: 'sign',
      reason: '',
      by: 1,
      now: new Date('2025-12-31T16:30:00.000Z'),
      article: {},
    })
    expect(newYear.numbers?.year).toBe(2026)
  })
})

describe('what counts as a change of content', () => {
  const body = (text: string, format = 0) => ({
    root: { children: [{ children: [{ text, format }] }] },
  })

  it.each<[string, Record<string, unknown>, Record<string, unknown>, boolean]>([
    ['a new title', { title: '新' }, { title: '旧' }, true],
    ['the same title', { title: '旧' }, { title: '旧' }, false],
    ['a field not sent', {}, { title: '旧' }, false],
    ['formatting only', { body: body('正文', 1) }, { body: body('正文') }, false],
    ['new words', { body: body('正文二') }, { body: body('正文') }, true],
    ['columns reordered', { columns: [2, { id: 1 }] }, { columns: [1, 2] }, false],
    ['a column added', { columns: [1, 2, 3] }, { columns: [1, 2] }, true],
    ['a number shown as text', { docNumber: null }, { docNumber: '' }, false],
  ])('%s: %s', (_, data, original, changed) => {
    expect(contentChanged(data, original)).toBe(changed)
  })
})

import { describe, expect, it } from 'vitest'

import {
  docNumberChangeBlockers,
  markValue,
  ownedNames,
  personMayWrite,
  SERVER_OWNED,
} from '../../src/domain/server-owned'

describe('which fields a person may write', () => {
  it.each<[string, string, 'create' | 'update', boolean]>([
    ['articles', 'indexNumber', 'create', false],
    ['articles', 'indexNumber', 'update', false],
    ['articles', 'history', 'update', false],
    ['articles', 'submittedBy', 'update', false],
    ['articles', 'publishedAt', 'create', false],
    ['articles', 'emergency', 'update', false],
    ['articles', 'title', 'update', true],
    ['articles', 'docNumber', 'update', true],
    ['articles', 'state', 'update', true],
    ['disclosure-requests', 'status', 'create', false],
    ['disclosure-requests', 'dueDate', 'update', false],
    ['disclosure-requests', 'timeline', 'update', false],
    ['disclosure-requests', 'receivedAt', 'create', true],
    ['disclosure-requests', 'receivedAt', 'update', false],
    ['disclosure-requests', 'pages', 'update', true],
    ['annual-reports', 'publishedAt', 'update', false],
    ['columns', 'name', 'update', true],
  ])('%s.%s on %s: %s', (collection, field, operation, allowed) => {
    expect(personMayWrite({ collection, field, operation })).toBe(allowed)
  })

  it('names each field once per collection', () => {
    for (const owned of Object.values(SERVER_OWNED)) {
      const names = ownedNames(owned)
      expect(new Set(names).size).toBe(names.length)
    }
  })
})

describe('marks stamped by the server', () => {
  const now = new Date('2026-12-02T08:00:00.000Z')
  it.each<[string, unknown, string | null, string | null]>([
    ['a new mark takes the server’s time, not the one sent', '2019-01-01', null, now.toISOString()],
    ['any value asks for the mark', true, null, now.toISOString()],
    ['no value leaves it unmarked', null, null, null],
    [
      'a mark is never re-dated',
      '2030-01-01',
      '2026-11-01T00:00:00.000Z',
      '2026-11-01T00:00:00.000Z',
    ],
    ['a mark is never taken back', null, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
  ])('%s', (_, requested, before, expected) => {
    expect(markValue({ requested, before, now })).toBe(expected)
  })
})

describe('changing a 发文字号', () => {
  const locked = ['已签发的发文字号不能修改；如号码有误，请由站点管理员作废后重新签发']
  it.each<[string, Parameters<typeof docNumberChangeBlockers>[0], string[]]>([
    [
      'a hand-entered number before signing',
      { before: '青政发〔2026〕1号', after: '青政发〔2026〕2号', signed: false, voided: false },
      [],
    ],
    [
      'a first number',
      { before: null, after: '青政发〔2026〕2号', signed: false, voided: false },
      [],
    ],
    [
      'the same number sent back',
      { before: '青政发〔2026〕1号', after: ' 青政发〔2026〕1号', signed: true, voided: false },
      [],
    ],
    [
      'a signed number',
      { before: '青政发〔2026〕1号', after: '青政发〔2019〕1号', signed: true, voided: false },
      locked,
    ],
    [
      'a signed number cleared',
      { before: '青政发〔2026〕1号', after: '', signed: true, voided: false },
      locked,
    ],
    [
      'a signed number the site admin voided',
      { before: '青政发〔2026〕1号', after: '青政发〔2026〕3号', signed: true, voided: true },
      [],
    ],
  ])('%s', (_, input, expected) => {
    expect(docNumberChangeBlockers(input)).toEqual(expected)
  })
})

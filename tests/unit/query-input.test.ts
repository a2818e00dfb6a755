import { parse, specifiedRules, validate, buildSchema } from 'graphql'
import { describe, expect, it } from 'vitest'

import { type FieldShape, idProblem, isValidId, whereProblems } from '../../src/domain/query-input'
import { introspectionRule, queryShapeRule } from '../../src/services/graphql-limits'

const fields: FieldShape[] = [
  { name: 'title', kind: 'other' },
  { name: 'publishedAt', kind: 'date' },
  { name: 'columns', kind: 'id' },
  { name: 'views', kind: 'number' },
  { name: 'meta', kind: 'nested', fields: [{ name: 'at', kind: 'date' }] },
]
const problems = (where: unknown, idType: 'number' | 'text' = 'number') =>
  whereProblems({ where, fields, idType })

describe('ids', () => {
  it.each([
    ['1', true],
    ['2147483647', true],
    ['2147483648', false],
    ['abc', false],
    ['1e999', false],
    ['\u0000', false],
    ['01', false],
    ['-1', false],
    [12, true],
    [1.5, false],
  ])('on SQL databases %j is valid: %s', (id, ok) => {
    expect(isValidId(id, 'number')).toBe(ok)
  })

  it('takes 24 hex characters on MongoDB and nothing else', () => {
    expect(isValidId('65a1b2c3d4e5f60718293a4b', 'text')).toBe(true)
    expect(isValidId('1', 'text')).toBe(false)
  })

  it('refuses a malformed id with a sentence that shows it without control characters', () => {
    expect(idProblem('abc', 'number')).toBe('编号“abc”格式不正确：应为正整数')
    expect(idProblem('a\u0000b', 'number')).toContain('a�b')
    expect(idProblem(undefined, 'number')).toBeNull()
  })
})

describe('filters', () => {
  it('accepts well-formed filters of every kind', () => {
    expect(
      problems({
        and: [
          { publishedAt: { greater_than: '2026-01-01' } },
          { columns: { in: '1,2' } },
          { or: [{ title: { like: '通知' } }, { views: { less_than: '10' } }] },
          { 'meta.at': { exists: 'true' } },
          { columns: { equals: null } },
          { id: { not_in: [3, 4] } },
        ],
      }),
    ).toEqual([])
  })

  it.each([
    ['a string instead of an object', 'notjson', '查询参数 where 应为对象'],
    ['a date that is not a date', { publishedAt: { greater_than: 'notadate' } }, '不是有效的日期'],
    ['ids that are not ids', { columns: { in: 'a,b' } }, '“a”不是有效的编号'],
    ['an id filter with a word', { id: { equals: 'abc' } }, '不是有效的编号'],
    ['a number that is not a number', { views: { equals: '1e999x' } }, '不是数字'],
    ['a nested date that is not a date', { 'meta.at': { less_than: 'x' } }, '不是有效的日期'],
    ['an unknown operator', { title: { drop_table: 1 } }, '运算符“drop_table”不受支持'],
    ['a condition without operator', { title: 'x' }, '缺少运算符'],
    ['and that is not a list', { and: 'x' }, '应为条件列表'],
    ['exists that is not a boolean', { title: { exists: 'maybe' } }, 'exists 只接受'],
    ['a NUL inside a value', { title: { equals: 'a\u0000' } }, '控制字符'],
  ])('refuses %s', (_name, where, sentence) => {
    const found = problems(where)
    expect(found).toHaveLength(1)
    expect(found[0]).toContain(sentence)
  })

  it('leaves paths into other collections to Payload', () => {
    expect(problems({ 'columns.title': { equals: 'x' } })).toEqual([])
  })

  it('bounds nesting and the number of conditions', () => {
    let deep: Record<string, unknown> = { title: { equals: 'x' } }
    for (let i = 0; i < 8; i++) deep = { and: [deep] }
    expect(problems(deep)[0]).toContain('嵌套超过')
    const many = { or: Array.from({ length: 101 }, () => ({ title: { equals: 'x' } })) }
    expect(problems(many)[0]).toContain('超过 100 个')
  })
})

describe('GraphQL query shape', () => {
  const schema = buildSchema(`
    type Node { id: ID, child: Node, name: String }
    type Query { node: Node }
  `)
  const check = (query: string, rules = [queryShapeRule({ aliases: 3, depth: 4 })]) =>
    validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => e.message)

  it('passes an ordinary query', () => {
    expect(check('{ node { id child { name } } }')).toEqual([])
  })

  it('refuses more aliases than the limit, once', () => {
    const errors = check(
      '{ a: node { id } b: node { id } c: node { id } d: node { id } e: node { id } }',
    )
    expect(errors).toEqual(['查询中的别名超过 3 个，请拆分为多个请求'])
  })

  it('refuses nesting deeper than the limit, through fragments too', () => {
    expect(check('{ node { child { child { child { child { id } } } } } }')).toEqual([
      '查询嵌套 6 层，超过了 4 层的上限',
    ])
    const viaFragment =
      'query { node { ...F } } fragment F on Node { child { child { child { child { id } } } } }'
    expect(check(viaFragment)[0]).toContain('超过了 4 层')
  })

  it('refuses introspection to everyone but platform admins', () => {
    const q = '{ __schema { queryType { name } } }'
    expect(check(q, [introspectionRule(null)])).toHaveLength(1)
    expect(check(q, [introspectionRule({ id: 1, platformRoles: ['auditor'] })])).toHaveLength(1)
    expect(check(q, [introspectionRule({ id: 1, platformRoles: ['platform-admin'] })])).toEqual([])
    expect(check('{ node { __typename } }', [introspectionRule(null)])).toEqual([])
  })
})

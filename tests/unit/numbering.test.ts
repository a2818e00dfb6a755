import { describe, expect, it } from 'vitest'

import {
  counterKey,
  docNumberProblems,
  formatDocNumber,
  formatIndexNumber,
  parseDocNumber,
  parseIndexNumber,
  seriesPrefixProblems,
} from '../../src/domain/numbering'

describe('document numbers (GB/T 9704-2012)', () => {
  it.each([
    ['京政发〔2026〕12号', { prefix: '京政发', year: 2026, seq: 12 }],
    ['沪府规〔2025〕1号', { prefix: '沪府规', year: 2025, seq: 1 }],
    ['青川发改〔2026〕105号', { prefix: '青川发改', year: 2026, seq: 105 }],
  ])('parses %s', (value, parsed) => {
    expect(parseDocNumber(value)).toEqual(parsed)
    expect(formatDocNumber(parsed)).toBe(value)
  })

  it.each([
    ['京政发[2026]12号', /六角括号/],
    ['京政发（2026）12号', /六角括号/],
    ['京政发〔2026〕第12号', /不加“第”字/],
    ['京政发〔26〕12号', /四位/],
    ['京政发〔2026〕012号', /不编虚位/],
    ['京政发〔2026〕12', /以“号”字结尾/],
    ['', /请填写发文字号/],
  ])('refuses %s with a reason', (value, reason) => {
    const problems = docNumberProblems(value)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(reason)
    expect(parseDocNumber(value)).toBeNull()
  })

  it('refuses a number whose issuer code is not the series prefix', () => {
    expect(
      docNumberProblems('青发改〔2026〕3号', { prefix: '青政发', name: '市政府文件' }),
    ).toEqual([
      '发文字号“青发改〔2026〕3号”的机关代字“青发改”与所选文号序列“市政府文件”（青政发）不符',
    ])
    expect(docNumberProblems('青政发〔2026〕3号', { prefix: '青政发' })).toEqual([])
  })

  it('refuses an absurd year', () => {
    expect(docNumberProblems('青政发〔1800〕3号')[0]).toMatch(/年份 1800 不合理/)
  })
})

describe('index numbers', () => {
  it.each([
    [{ orgCode: '000014349', year: 2017, seq: 110 }, '000014349/2017-00110'],
    [{ orgCode: '11110000000014349X', year: 2026, seq: 1 }, '11110000000014349X/2026-00001'],
    [{ orgCode: '000014349', year: 2026, seq: 123456 }, '000014349/2026-123456'],
  ])('formats %j as %s', (parts, text) => {
    expect(formatIndexNumber(parts)).toBe(text)
    expect(parseIndexNumber(text)).toEqual(parts)
  })

  it('rejects malformed index numbers', () => {
    expect(parseIndexNumber('00001434/2017-00110')).toBeNull()
    expect(parseIndexNumber('000014349-2017-00110')).toBeNull()
  })
})

describe('series', () => {
  it.each([
    ['青政发', []],
    ['青政规', []],
    ['', ['请填写发文字号的机关代字，如“青政发”']],
    ['青政发〔', ['机关代字“青政发〔”只写代字本身，不含括号、年份、序号、“第”或“号”']],
    ['青政发2026', ['机关代字“青政发2026”只写代字本身，不含括号、年份、序号、“第”或“号”']],
  ])('prefix %s', (prefix, problems) => {
    expect(seriesPrefixProblems(prefix)).toEqual(problems)
  })

  it('keys counters per organisation or series and year', () => {
    expect(counterKey.index('000014349', 2026)).toBe('index:000014349:2026')
    expect(counterKey.doc(7, 2026)).toBe('doc:7:2026')
  })
})

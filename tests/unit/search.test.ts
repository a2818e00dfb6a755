// Search rules: tokens of a text and of a query (src/domain/search-text.ts), and what a reader
// asks of /search (src/domain/search.ts).
import { describe, expect, it } from 'vitest'

import {
  articleKind,
  canonicalSearch,
  parseSearchQuery,
  parseSynonyms,
  searchText,
  segmentsText,
  snippet,
  synonymProblems,
  termGroups,
} from '../../src/domain/search'
import {
  normalise,
  rankWords,
  termPhrase,
  textGrams,
  textWords,
} from '../../src/domain/search-text'

/** Whether a phrase's grams stand next to each other in a text's grams (as the engines match). */
function found(text: string, term: string): boolean {
  const grams = textGrams(text).split(' ')
  const p = termPhrase(normalise(term))
  if (!p) return false
  for (let i = 0; i + p.grams.length <= grams.length; i++) {
    if (p.grams.every((g, k) => (p.prefix[k] ? grams[i + k].startsWith(g) : grams[i + k] === g)))
      return true
  }
  return false
}

describe('tokens', () => {
  it('normalises full-width forms, case and traditional characters', () => {
    expect(normalise('２０２６年ＡＢＣ')).toBe('2026年abc')
    expect(normalise('醫療機構義務教育')).toBe('医疗机构义务教育')
    expect(normalise('政策解讀')).toBe('政策解读')
  })

  it('makes character pairs of Han runs, with the run’s last character, and keeps Latin and digits whole', () => {
    expect(textGrams('安装简单')).toBe('安装 装简 简单 单')
    expect(textGrams('第3季度，BE FAST')).toBe('第 3 季度 度 be fast')
    expect(textGrams('')).toBe('')
  })

  it('finds a word inside a longer word, one- and two-character terms, and terms across scripts', () => {
    const text = '便民服务终端安装简单、操作方便。2026年第三季度，牢记BE FAST口诀。'
    for (const term of [
      '简单',
      '安装简单',
      '装',
      '便',
      '端',
      '2026年',
      '第三季度',
      '季',
      'be fast',
      'FAST口诀',
    ])
      expect(found(text, term), term).toBe(true)
    for (const term of ['简便', '安装方便', '2027年', '单操'])
      expect(found(text, term), term).toBe(false)
  })

  it('a term ends where the text’s run may go on, but a run inside a term ends with it', () => {
    expect(termPhrase('简单')).toEqual({ grams: ['简单'], prefix: [false] })
    expect(termPhrase('单')).toEqual({ grams: ['单'], prefix: [true] })
    expect(termPhrase('年度2026')).toEqual({
      grams: ['年度', '度', '2026'],
      prefix: [false, false, false],
    })
    expect(termPhrase('，。')).toBeNull()
  })

  it('jieba’s search-mode words of titles; query terms of two Han characters or more rank by them', () => {
    expect(textWords('社会保险').split(' ')).toEqual(
      expect.arrayContaining(['社会', '保险', '社会保险']),
    )
    expect(textWords('，！')).toBe('')
    expect(rankWords(['社会保险', '税', '2026年', '社会保险', 'be'])).toEqual(['社会保险'])
  })
})

describe('the query', () => {
  const known = ['www', 'fgw', 'jyj']
  const parse = (raw: Record<string, unknown>, defaultScope: 'site' | 'all' = 'site') =>
    parseSearchQuery(raw, { defaultScope, knownSites: known })

  it('recognises document numbers typed with any brackets, and index numbers', () => {
    expect(searchText('青政发[2026]21号').number).toEqual({
      kind: 'doc-number',
      value: '青政发〔2026〕21号',
    })
    expect(searchText('青政办发（2026）037号').number).toEqual({
      kind: 'doc-number',
      value: '青政办发〔2026〕37号',
    })
    expect(searchText('11339900mb1a52318r/2026-00011').number).toEqual({
      kind: 'index',
      value: '11339900MB1A52318R/2026-00011',
    })
    expect(searchText('老旧小区 改造，老旧小区').terms).toEqual(['老旧小区', '改造'])
  })

  it('takes the site’s default scope, all, self or chosen sites; names what it cannot use', () => {
    expect(parse({ q: '政策' }).scope).toBe('site')
    expect(parse({ q: '政策' }, 'all').scope).toBe('all')
    expect(parse({ q: '政策', site: 'all' }).scope).toBe('all')
    expect(parse({ q: '政策', site: 'self' }, 'all').scope).toBe('site')
    const chosen = parse({ q: '政策', site: 'fgw,jyj,nosuch' })
    expect(chosen.scope).toBe('chosen')
    expect(chosen.sites).toEqual(['fgw', 'jyj'])
    expect(chosen.errors).toEqual([{ field: 'site', message: '没有这个网站：nosuch' }])
  })

  it('refuses wrong filters with sentences and keeps the rest', () => {
    const q = parse({
      q: '政策',
      type: 'pdf',
      from: '2026-02-30',
      to: '2026-01-01',
      sort: 'random',
      page: '0',
      column: 'a b',
    })
    expect(q.errors.map((e) => e.field)).toEqual(['column', 'type', 'from', 'sort', 'page'])
    expect(q.errors[1].message).toBe('“类型”只能是 文件、解读、新闻 或 信件')
    expect(q.errors[2].message).toBe('“起始日期”应为 年-月-日，例如 2026-01-31')
    expect(q).toMatchObject({
      kind: '',
      from: '',
      to: '2026-01-01',
      sort: 'relevance',
      page: 1,
      column: '',
    })
    expect(parse({ q: '政策', from: '2026-05-01', to: '2026-01-01' }).errors[0].message).toBe(
      '起始日期不能晚于截止日期',
    )
    expect(parse({ q: '政策', page: '51' }).errors[0].field).toBe('page')
    const long = parse({ q: '长'.repeat(150) })
    expect(long.q).toHaveLength(100)
    expect(long.errors[0].field).toBe('q')
  })

  it('writes the query canonically: defaults left out, names in order', () => {
    const q = parse({ q: ' 老旧  小区 ', type: 'file', page: '2', site: 'all' })
    expect(canonicalSearch(q, 'site')).toBe(
      `page=2&q=${encodeURIComponent('老旧 小区')}&site=all&type=file`,
    )
    expect(canonicalSearch(q, 'all')).toBe(`page=2&q=${encodeURIComponent('老旧 小区')}&type=file`)
  })
})

describe('synonyms', () => {
  it('every word of a line finds the others, normalised', () => {
    const map = parseSynonyms('社保 社会保险\n个税=個人所得稅\n\n孤词')
    expect(map.get('社保')).toEqual(['社会保险'])
    expect(map.get('社会保险')).toEqual(['社保'])
    expect(map.get('个人所得税')).toEqual(['个税'])
    expect(map.has('孤词')).toBe(false)
    const groups = termGroups(['社保', '医院'], map)
    expect(groups[0].alternatives).toEqual(['社保', '社会保险'])
    expect(groups[0].phrases).toHaveLength(2)
    expect(groups[1].alternatives).toEqual(['医院'])
  })

  it('names lines a person must fix', () => {
    expect(synonymProblems('社保 社会保险\n孤词')).toEqual([
      '第 2 行只有一个词“孤词”：同义词至少两个',
    ])
    expect(synonymProblems(`甲 ${'乙'.repeat(21)}`)[0]).toContain('太长')
    expect(synonymProblems('')).toEqual([])
  })
})

describe('results', () => {
  it('an article is 解读, 文件 or 新闻', () => {
    expect(articleKind({ genreName: '解读' })).toBe('interpretation')
    expect(articleKind({ columnNames: ['政策解读'] })).toBe('interpretation')
    expect(articleKind({ docNumber: '青政发〔2026〕1号' })).toBe('file')
    expect(articleKind({ documentKind: 'normative' })).toBe('file')
    expect(articleKind({ columnNames: ['政策文件'] })).toBe('file')
    expect(articleKind({ columnNames: ['工作动态'] })).toBe('news')
  })

  it('cuts the text around the first term found and marks every term, whatever its form', () => {
    const text = `${'前言'.repeat(40)}推进城镇老旧小区改造，２０２６年完成改造項目。`
    const s = snippet(text, ['改造', '2026', '项目'], 40)
    expect(s[0]).toEqual({ text: '…', hit: false })
    expect(s.filter((x) => x.hit).map((x) => x.text)).toEqual(['改造', '２０２６', '改造項目'])
    expect(segmentsText(s)).toContain('推进城镇老旧小区改造')
    expect(snippet('没有匹配的文字', ['政策'], 4)).toEqual([
      { text: '没有匹配', hit: false },
      { text: '…', hit: false },
    ])
  })
})

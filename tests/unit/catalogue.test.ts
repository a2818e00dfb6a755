// The disclosure catalogue's query: filters, what the search text is, links that keep them.
import { describe, expect, it } from 'vitest'

import {
  beijingYearRange,
  catalogueHref,
  filterChips,
  normaliseDocNumber,
  normaliseIndexNumber,
  parseCatalogueQuery,
  recogniseSearch,
  shorten,
} from '../../src/domain/catalogue'

describe('recognising index numbers', () => {
  it.each([
    ['11339900MB1A52301L/2026-00001', '11339900MB1A52301L/2026-00001'],
    ['000014349/2017-00110', '000014349/2017-00110'],
    [' 11339900mb1a52301l/2026-00001 ', '11339900MB1A52301L/2026-00001'],
    ['11339900MB1A52301L / 2026 - 00001', '11339900MB1A52301L/2026-00001'],
    ['１１３３９９００ＭＢ１Ａ５２３０１Ｌ／２０２６－０００１２', '11339900MB1A52301L/2026-00012'],
    ['000014349/2017—00110', '000014349/2017-00110'],
    ['000014349/2017-123456', '000014349/2017-123456'],
  ])('reads %j as %j', (typed, expected) => {
    expect(normaliseIndexNumber(typed)).toBe(expected)
  })

  it.each([
    ['00001434/2017-00110', 'an organisation code of 8 characters'],
    ['000014349/17-00110', 'a two-digit year'],
    ['000014349/2017-0011', 'a sequence of 4 digits'],
    ['000014349-2017-00110', 'no slash'],
    ['青政发〔2026〕21号', 'a document number'],
    ['', 'nothing'],
  ])('refuses %j (%s)', (typed) => {
    expect(normaliseIndexNumber(typed)).toBeNull()
  })
})

describe('recognising document numbers', () => {
  it.each([
    ['青政发〔2026〕21号', '青政发〔2026〕21号'],
    ['青政发[2026]21号', '青政发〔2026〕21号'],
    ['青政发［2026］21号', '青政发〔2026〕21号'],
    ['青政发(2026)21号', '青政发〔2026〕21号'],
    ['青政发（2026）21号', '青政发〔2026〕21号'],
    ['青政发【2026】21号', '青政发〔2026〕21号'],
    ['青政发﹝2026﹞21号', '青政发〔2026〕21号'],
    ['青政发〔2026〕第21号', '青政发〔2026〕21号'],
    ['青政发〔2026〕021号', '青政发〔2026〕21号'],
    ['青政发 〔2026〕 21 号', '青政发〔2026〕21号'],
    ['青政发〔２０２６〕２１号', '青政发〔2026〕21号'],
    ['青政发〔2026〕21', '青政发〔2026〕21号'],
    ['青发改规〔2025〕3号', '青发改规〔2025〕3号'],
  ])('reads %j as %j', (typed, expected) => {
    expect(normaliseDocNumber(typed)).toBe(expected)
  })

  it.each([
    ['〔2026〕21号', 'no issuer code'],
    ['青政发〔26〕21号', 'a two-digit year'],
    ['青政发〔2026〕0号', 'number zero'],
    ['青政发2026年21号', 'no brackets'],
    ['关于印发2026年工作要点的通知', 'a title'],
    ['青政发〔1850〕2号', 'a year before 1900'],
  ])('refuses %j (%s)', (typed) => {
    expect(normaliseDocNumber(typed)).toBeNull()
  })
})

describe('what the search text is', () => {
  it('takes an index number before anything else', () => {
    expect(recogniseSearch('11339900MB1A52301L/2026-00003')).toEqual({
      kind: 'index',
      value: '11339900MB1A52301L/2026-00003',
    })
  })

  it('takes a document number in any bracket as the standard form', () => {
    expect(recogniseSearch('青政办发[2026]37号')).toEqual({
      kind: 'doc-number',
      value: '青政办发〔2026〕37号',
    })
  })

  it('otherwise searches the title for each word, once, at most five', () => {
    expect(recogniseSearch('  营商环境　优化 营商环境 ')).toEqual({
      kind: 'title',
      words: ['营商环境', '优化'],
    })
    expect(recogniseSearch('一 二 三 四 五 六 七')).toEqual({
      kind: 'title',
      words: ['一', '二', '三', '四', '五'],
    })
  })

  it('has nothing to search for in blanks', () => {
    expect(recogniseSearch(' \u3000 ')).toBeUndefined()
  })
})

describe('parsing the catalogue query', () => {
  const known = { topics: ['1', '2'], genres: ['7'] }

  it('reads an empty query as the whole catalogue, page 1', () => {
    expect(parseCatalogueQuery({}, known)).toEqual({
      filter: { page: 1 },
      values: { topic: '', genre: '', organ: '', year: '', validity: '', q: '' },
      errors: [],
    })
  })

  it('reads every filter at once', () => {
    const q = parseCatalogueQuery(
      {
        topic: '2',
        genre: '7',
        organ: ' 青川市人民政府 ',
        year: '2026',
        validity: 'repealed',
        q: '青政发[2026]8号',
        page: '3',
      },
      known,
    )
    expect(q.errors).toEqual([])
    expect(q.filter).toEqual({
      topic: '2',
      genre: '7',
      organ: '青川市人民政府',
      year: 2026,
      validity: 'repealed',
      search: { kind: 'doc-number', value: '青政发〔2026〕8号' },
      page: 3,
    })
    expect(q.values.organ).toBe('青川市人民政府')
    expect(q.values.q).toBe('青政发[2026]8号')
  })

  it('takes the first of repeated values and ignores non-strings', () => {
    const q = parseCatalogueQuery({ year: ['2025', '2026'], organ: { x: 1 } }, known)
    expect(q.filter.year).toBe(2025)
    expect(q.filter.organ).toBeUndefined()
    expect(q.errors).toEqual([])
  })

  it.each([
    ['26', '年份格式不正确，请填写四位数字，如 2026'],
    ['20266', '年份格式不正确，请填写四位数字，如 2026'],
    ['abcd', '年份格式不正确，请填写四位数字，如 2026'],
    ['2026-01', '年份格式不正确，请填写四位数字，如 2026'],
    ['1900', '年份应在 1949 至 2100 之间'],
    ['2101', '年份应在 1949 至 2100 之间'],
  ])('refuses the year %j: %s', (year, message) => {
    const q = parseCatalogueQuery({ year, topic: '1' }, known)
    expect(q.errors).toEqual([{ field: 'year', message }])
    expect(q.filter).toEqual({ topic: '1', page: 1 })
    // What was typed stays in the form for correcting.
    expect(q.values.year).toBe(year)
  })

  it.each([
    ['２０２６', 2026],
    ['2026年', 2026],
    [' 2024 ', 2024],
  ])('reads the year %j as %d', (year, expected) => {
    const q = parseCatalogueQuery({ year }, known)
    expect(q.errors).toEqual([])
    expect(q.filter.year).toBe(expected)
    expect(q.values.year).toBe(String(expected))
  })

  it('refuses a topic or genre that is not on the platform list', () => {
    const q = parseCatalogueQuery({ topic: '9', genre: '<script>' }, known)
    expect(q.errors).toEqual([
      { field: 'topic', message: '所选主题分类不存在，请重新选择' },
      { field: 'genre', message: '所选体裁分类不存在，请重新选择' },
    ])
    expect(q.filter).toEqual({ page: 1 })
  })

  it('accepts any id-shaped topic when no list is given', () => {
    expect(parseCatalogueQuery({ topic: '65a1b2c3d4e5f60718293a4b' }).filter.topic).toBe(
      '65a1b2c3d4e5f60718293a4b',
    )
    expect(parseCatalogueQuery({ topic: '1 or 1=1' }).errors[0].field).toBe('topic')
  })

  it('refuses an unknown validity', () => {
    expect(parseCatalogueQuery({ validity: 'valid' }, known).errors).toEqual([
      { field: 'validity', message: '所选有效性不存在，请重新选择' },
    ])
  })

  it.each(['in-force', 'amended', 'repealed', 'expired'])('accepts the validity %s', (v) => {
    expect(parseCatalogueQuery({ validity: v }, known).filter.validity).toBe(v)
  })

  it('refuses over-long search text and organs', () => {
    const long = '长'.repeat(101)
    expect(parseCatalogueQuery({ q: long, organ: long }, known).errors).toEqual([
      { field: 'organ', message: '发文机关过长（不超过 100 个字）' },
      { field: 'q', message: '检索词过长（不超过 100 个字）' },
    ])
    expect(parseCatalogueQuery({ q: '长'.repeat(100) }, known).errors).toEqual([])
  })

  it.each(['0', '-1', 'x', '1.5', '9999999'])('refuses the page %j and shows page 1', (page) => {
    const q = parseCatalogueQuery({ page }, known)
    expect(q.errors).toEqual([{ field: 'page', message: '页码不正确' }])
    expect(q.filter.page).toBe(1)
  })
})

describe('links of the catalogue', () => {
  it('writes the filters in a fixed order, drops empty ones, adds page and care mode', () => {
    expect(
      catalogueHref({
        values: { q: '青政发〔2026〕8号', year: '2026', topic: '', organ: '青川市 人民政府' },
        page: 2,
        care: true,
      }),
    ).toBe(
      '/xxgk/?organ=%E9%9D%92%E5%B7%9D%E5%B8%82+%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C&year=2026&q=%E9%9D%92%E6%94%BF%E5%8F%91%E3%80%942026%E3%80%958%E5%8F%B7&page=2&care=1',
    )
  })

  it('is the bare catalogue address without filters', () => {
    expect(catalogueHref({ values: {} })).toBe('/xxgk/')
    expect(catalogueHref({ values: {}, page: 1 })).toBe('/xxgk/')
    expect(catalogueHref({ values: {}, care: true })).toBe('/xxgk/?care=1')
  })

  it('gives each filter in force a chip that removes only it, back on page 1, keeping care mode', () => {
    const query = parseCatalogueQuery(
      { topic: '1', year: '2026', validity: 'amended', q: '营商 环境', page: '2' },
      { topics: ['1'] },
    )
    const chips = filterChips({ query, names: { topic: '综合政务' }, care: true })
    expect(chips).toEqual([
      {
        label: '主题分类：综合政务',
        removeHref:
          '/xxgk/?year=2026&validity=amended&q=%E8%90%A5%E5%95%86+%E7%8E%AF%E5%A2%83&care=1',
      },
      {
        label: '年份：2026',
        removeHref:
          '/xxgk/?topic=1&validity=amended&q=%E8%90%A5%E5%95%86+%E7%8E%AF%E5%A2%83&care=1',
      },
      {
        label: '有效性：已修改',
        removeHref: '/xxgk/?topic=1&year=2026&q=%E8%90%A5%E5%95%86+%E7%8E%AF%E5%A2%83&care=1',
      },
      {
        label: '标题含：营商 环境',
        removeHref: '/xxgk/?topic=1&year=2026&validity=amended&care=1',
      },
    ])
  })

  it('names the kind of search in its chip', () => {
    const index = parseCatalogueQuery({ q: '000014349/2017-00110' })
    expect(filterChips({ query: index, names: {} })[0].label).toBe('索引号：000014349/2017-00110')
    const doc = parseCatalogueQuery({ q: '青政发(2026)8号', genre: '3', organ: '某局' })
    expect(filterChips({ query: doc, names: { genre: '通知' } }).map((c) => c.label)).toEqual([
      '体裁分类：通知',
      '发文机关：某局',
      '发文字号：青政发〔2026〕8号',
    ])
  })

  it('shows no chip for a refused value', () => {
    expect(filterChips({ query: parseCatalogueQuery({ year: '26' }), names: {} })).toEqual([])
  })
})

describe('the Beijing year', () => {
  it('starts and ends at Beijing midnight', () => {
    expect(beijingYearRange(2026)).toEqual({
      from: '2025-12-31T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
    })
  })
})

describe('shortened summaries', () => {
  it('keeps a short text and cuts a long one by characters with an ellipsis', () => {
    expect(shorten('短摘要')).toBe('短摘要')
    expect(shorten('一二三四五六', 4)).toBe('一二三四…')
    expect(shorten('一二三四', 4)).toBe('一二三四')
    expect(shorten('𠀀𠀁𠀂', 2)).toBe('𠀀𠀁…')
    expect(shorten(null)).toBe('')
    expect(shorten(' 多余\n空白 ')).toBe('多余 空白')
  })
})

import { describe, expect, it } from 'vitest'

import { checkableUrl, deadLinkLine, isFresh, judge } from '../../src/domain/link-check'

describe('which links are checked', () => {
  it('checks web addresses without their fragment, and nothing else', () => {
    expect(checkableUrl('https://www.gov.cn/zhengce/#top')).toBe('https://www.gov.cn/zhengce/')
    expect(checkableUrl(' http://Example.ORG/a b ')).toBe('http://example.org/a%20b')
    expect(checkableUrl('mailto:xinxiang@example.gov.cn')).toBeNull()
    expect(checkableUrl('tel:12345')).toBeNull()
    expect(checkableUrl('javascript:alert(1)')).toBeNull()
    expect(checkableUrl('#section')).toBeNull()
    expect(checkableUrl('/relative/page.html')).toBeNull()
  })
})

describe('what an answer means', () => {
  it('is live on 2xx and 401, dead on 404/410 only after asking again as a browser', () => {
    expect(judge({ status: 200 }, false)).toBe('ok')
    expect(judge({ status: 204 }, false)).toBe('ok')
    expect(judge({ status: 401 }, false)).toBe('ok')
    expect(judge({ status: 404 }, false)).toBe('retry')
    expect(judge({ status: 404 }, true)).toBe('dead')
    expect(judge({ status: 403 }, false)).toBe('retry')
    expect(judge({ status: 403 }, true)).toBe('dead')
    expect(judge({ status: 410 }, false)).toBe('dead')
    expect(judge({ status: 400 }, false)).toBe('dead')
  })

  it('is unreachable on errors and server failures that persist', () => {
    expect(judge({ error: 'ECONNREFUSED' }, false)).toBe('retry')
    expect(judge({ error: 'ECONNREFUSED' }, true)).toBe('unreachable')
    expect(judge({ status: 503 }, false)).toBe('retry')
    expect(judge({ status: 503 }, true)).toBe('unreachable')
  })

  it('keeps an answer for the cache lifetime', () => {
    const now = new Date('2026-12-04T10:00:00Z')
    expect(isFresh('2026-12-04T06:30:00Z', now, 4)).toBe(true)
    expect(isFresh('2026-12-04T05:59:59Z', now, 4)).toBe(false)
    expect(isFresh(null, now, 4)).toBe(false)
  })

  it('names the answer and the pages in the evidence', () => {
    expect(deadLinkLine('https://x.example/a', ['/tzgg/12.html'], { httpStatus: 404 })).toBe(
      'https://x.example/a（404，出现在：/tzgg/12.html）',
    )
    expect(
      deadLinkLine('https://y.example/', ['/a/1.html', '/b/2.html'], { error: 'ECONNREFUSED' }),
    ).toBe('https://y.example/（无法连接，出现在：/a/1.html、/b/2.html）')
    expect(deadLinkLine('/x/9.html', ['/a/1.html'])).toBe('/x/9.html（出现在：/a/1.html）')
  })
})

import { describe, expect, it } from 'vitest'

import { richTextToHtml, sanitise } from '../../src/server/render/lexical'
import { paragraphsToLexical } from '../../src/seed/lexical'

describe('rich text on public pages', () => {
  it('renders paragraphs and escapes their text', () => {
    const html = richTextToHtml(paragraphsToLexical(['第一段', '<script>alert(1)</script>']))
    expect(html).toContain('<p>第一段</p>')
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;')
  })

  it('drops script, event handlers, inline styles and javascript: links', () => {
    const html = sanitise(
      '<p style="color:red" onclick="x()">a</p><script>x()</script><a href="javascript:alert(1)">b</a><img src="x" onerror="y()"><iframe src="//e"></iframe>',
    )
    expect(html).toBe('<p>a</p><a>b</a><img src="x" />')
  })

  it('keeps ordinary links and adds rel to new-window links', () => {
    expect(sanitise('<a href="https://www.gov.cn" target="_blank">国务院</a>')).toBe(
      '<a href="https://www.gov.cn" target="_blank" rel="noopener noreferrer">国务院</a>',
    )
  })

  it('renders nothing for an empty or malformed body', () => {
    expect(richTextToHtml(null)).toBe('')
    expect(richTextToHtml({ nope: 1 })).toBe('')
  })
})

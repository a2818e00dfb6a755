// Stored names come from what a file is; served headers make every file inert.
import { describe, expect, it } from 'vitest'

import {
  contentDisposition,
  detectFileKind,
  extensionOf,
  FILE_CSP,
  fileNameProblems,
  type FileKind,
  isUnreadableUpload,
  nameFitsContent,
  payloadFileHeaders,
  servedFileHeaders,
  storedFileName,
} from '../../src/domain/uploads'

const named = (uploaded: string, kind: FileKind) => {
  const out = storedFileName({ uploaded, kind })
  if ('problem' in out) throw new Error(out.problem)
  return out.name
}

describe('the stored name of an upload', () => {
  it.each([
    ['notice.html', 'pdf', 'notice.pdf'],
    ['notice.htm', 'pdf', 'notice.pdf'],
    ['notice.shtml', 'docx', 'notice.docx'],
    ['logo.svg', 'png', 'logo.png'],
    ['page.xhtml', 'xlsx', 'page.xlsx'],
    ['feed.xml', 'ofd', 'feed.ofd'],
    ['script.php', 'doc', 'script.doc'],
    ['通知.pdf.html', 'pdf', '通知.pdf'],
    ['通知.html.pdf', 'pdf', '通知.pdf'],
    ['照片.JPEG', 'jpeg', '照片.jpg'],
    ['照片.jpg', 'webp', '照片.webp'],
    ['动图.gif', 'gif', '动图.gif'],
    ['旧表.xls', 'xls', '旧表.xls'],
    ['no-extension', 'pdf', 'no-extension.pdf'],
  ] as [string, FileKind, string][])('stores %s holding a %s as %s', (uploaded, kind, expected) => {
    expect(named(uploaded, kind)).toBe(expected)
  })

  it.each([
    ['../../etc/passwd.html', 'passwd.pdf'],
    ['C:\\fakepath\\申请表.html', '申请表.pdf'],
    ['/var/www/x.html', 'x.pdf'],
    ['.htaccess', 'htaccess.pdf'],
    ['...', 'file.pdf'],
    ['', 'file.pdf'],
    ['a\u0001b\u001fc\u007f.html', 'abc.pdf'],
    // Right-to-left override: shows as "通知fdp.html" reversed into "…lmth.pdf".
    ['通知\u202efdp.html', '通知fdp.pdf'],
    ['what<>:"|?*.pdf', 'what.pdf'],
    ['  空格  .pdf', '空格.pdf'],
  ])('keeps a safe base name: %j → %s', (uploaded, expected) => {
    expect(named(uploaded, 'pdf')).toBe(expected)
  })

  it('shortens a very long name to fit the file system with room for suffixes', () => {
    const name = named(`${'很长的名称'.repeat(40)}.pdf`, 'pdf')
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(184)
    expect(name).toMatch(/^很长的名称.*\.pdf$/)
  })

  it('refuses a name holding a NUL with a sentence', () => {
    expect(storedFileName({ uploaded: 'a\u0000.html', kind: 'pdf' })).toEqual({
      problem: expect.stringContaining('空字符'),
    })
  })
})

describe('what a file is', () => {
  it.each([
    [Buffer.from('%PDF-1.7\n<html><script>alert(1)</script></html>'), 'pdf'],
    [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]), 'jpeg'],
    [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'), null],
    [Buffer.from('<!doctype html><html><body>x</body></html>'), null],
    [Buffer.from('<?xml version="1.0"?><x/>'), null],
  ])('detects %#', (bytes, kind) => {
    expect(detectFileKind(bytes)).toBe(kind)
  })
})

describe('the headers a stored file is served with', () => {
  it.each([
    ['照片.jpg', 'image/jpeg', 'inline'],
    ['照片.jpeg', 'image/jpeg', 'inline'],
    ['图.png', 'image/png', 'inline'],
    ['图-320x213.webp', 'image/webp', 'inline'],
    ['动图.gif', 'image/gif', 'inline'],
    ['通知.pdf', 'application/pdf', 'inline'],
    ['公文.ofd', 'application/ofd', 'attachment'],
    ['旧稿.doc', 'application/msword', 'attachment'],
    [
      '方案.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'attachment',
    ],
    ['旧表.xls', 'application/vnd.ms-excel', 'attachment'],
    [
      '名单.XLSX',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'attachment',
    ],
  ])('serves %s as %s, %s', (name, type, disposition) => {
    const h = servedFileHeaders(name)!
    expect(h['Content-Type']).toBe(type)
    expect(h['X-Content-Type-Options']).toBe('nosniff')
    expect(h['Content-Security-Policy']).toBe("default-src 'none'; sandbox")
    expect(h['Content-Disposition'].split(';')[0]).toBe(disposition)
    expect(h['Content-Disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`)
  })

  it.each([
    'notice.html',
    'notice.htm',
    'notice.shtml',
    'logo.svg',
    'page.xhtml',
    'feed.xml',
    'x.js',
    'x.css',
    'x.txt',
    'x.pdf.html',
    'noextension',
    '.pdf',
    'x.pdf\u0000.html',
  ])('does not serve %j at all', (name) => {
    expect(servedFileHeaders(name)).toBeNull()
  })

  it('writes the name in UTF-8 with an ASCII fallback that cannot break the header', () => {
    expect(contentDisposition({ name: '关于"通知"的说明(2026).pdf', inline: false })).toBe(
      `attachment; filename="_________(2026).pdf"; filename*=UTF-8''%E5%85%B3%E4%BA%8E%22%E9%80%9A%E7%9F%A5%22%E7%9A%84%E8%AF%B4%E6%98%8E%282026%29.pdf`,
    )
  })

  it('reads the extension after the last dot, in lower case', () => {
    expect(extensionOf('a.b.PDF')).toBe('pdf')
    expect(extensionOf('.pdf')).toBe('')
    expect(extensionOf('pdf')).toBe('')
  })
})

describe("headers for Payload's own file route", () => {
  it.each([
    ['image/png', 'image/png', 'inline'],
    ['application/pdf', 'application/pdf', 'inline'],
    ['application/x-cfb', 'application/x-cfb', 'attachment'],
    ['application/zip', 'application/zip', 'attachment'],
    ['text/html', 'application/octet-stream', 'attachment'],
    ['text/html; charset=utf-8', 'application/octet-stream', 'attachment'],
    ['image/svg+xml', 'application/octet-stream', 'attachment'],
    ['application/xml', 'application/octet-stream', 'attachment'],
    ['application/xhtml+xml', 'application/octet-stream', 'attachment'],
    ['text/xml', 'application/octet-stream', 'attachment'],
    [null, 'application/octet-stream', 'attachment'],
  ])('turns %s into %s, %s, inert', (found, type, disposition) => {
    expect(payloadFileHeaders(found)).toEqual({
      'Content-Type': type,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': FILE_CSP,
      'Content-Disposition': disposition,
    })
  })
})

describe('a name Payload is about to store', () => {
  it.each([
    ['通知.pdf', 'pdf', true],
    ['照片.jpg', 'jpeg', true],
    ['照片-320x213.webp', 'webp', true],
    ['通知.html', 'pdf', false],
    ['通知.PDF.html', 'pdf', false],
    ['logo.svg', 'png', false],
    ['通知.pdf', null, false],
  ] as [string, FileKind | null, boolean][])('%s holding %s fits: %s', (filename, kind, fits) => {
    expect(nameFitsContent({ filename, kind })).toBe(fits)
  })

  it('is refused for a NUL whatever the file holds, and only for that', () => {
    expect(fileNameProblems('a\u0000b.pdf')).toHaveLength(1)
    expect(fileNameProblems('通知（2026）.pdf')).toEqual([])
  })
})

describe('a multipart form Payload cannot read', () => {
  it.each([
    ['Malformed part header', true],
    ['Unexpected end of form', true],
    ['Multipart: Boundary not found', true],
    ['Something went wrong.', false],
    [undefined, false],
  ])('%s is the client’s fault: %s', (message, unreadable) => {
    expect(isUnreadableUpload(message)).toBe(unreadable)
  })
})

import { describe, expect, it } from 'vitest'

import { columnPath, columnSlugProblems } from '../../src/domain/columns'
import { beijingDate, beijingDateTime } from '../../src/domain/dates'
import { pageWindow, parsePageSegment } from '../../src/domain/pagination'
import {
  type Actor,
  canWriteOnSite,
  hasSiteRole,
  readableSites,
  roleChangeBlockers,
  sitesWithRole,
  writableSites,
} from '../../src/domain/permissions'
import {
  isDomainName,
  isSiteIdCode,
  isSiteSlug,
  matchHost,
  normaliseHost,
  siteOrigin,
} from '../../src/domain/sites'
import {
  attachmentProblems,
  detectAttachment,
  detectImage,
  imageProblems,
} from '../../src/domain/uploads'
import { doc, docx, ofd, xlsx, zip } from '../helpers/zip'

const site = (
  id: number,
  slug: string,
  domains: string[] = [],
  status: 'active' | 'closed' = 'active',
) => ({ id, slug, domains, status })
const sites = [
  site(1, 'www', ['www.qingchuan.gov.cn']),
  site(2, 'fgw', ['fgw.qingchuan.gov.cn', 'drc.qingchuan.gov.cn']),
]

describe('site resolution', () => {
  it.each([
    ['www.qingchuan.gov.cn', 'www'],
    ['WWW.QINGCHUAN.GOV.CN:443', 'www'],
    ['drc.qingchuan.gov.cn.', 'fgw'],
    ['fgw.localhost:3000', 'fgw'],
    ['www.localhost', 'www'],
  ])('finds the site for host %s', (host, slug) => {
    const m = matchHost({ host, sites, devHosts: true })
    expect(m.kind).toBe('site')
    expect(m.kind === 'site' && m.site.slug).toBe(slug)
  })

  it.each(['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'portal.example.org'])(
    'treats %s as the platform',
    (host) => {
      expect(matchHost({ host, sites, platformHosts: ['portal.example.org'] }).kind).toBe(
        'platform',
      )
    },
  )

  it.each(['nope.localhost', 'evil.example.com', '', 'qingchuan.gov.cn'])(
    'does not match unknown host %j',
    (host) => {
      expect(matchHost({ host, sites, devHosts: true }).kind).toBe('unknown')
    },
  )

  it.each(['fgw.localhost:6666', 'www.localhost'])(
    'does not serve %s where development hosts are off (production)',
    (host) => {
      expect(matchHost({ host, sites, devHosts: false }).kind).toBe('unknown')
      expect(matchHost({ host, sites }).kind).toBe('unknown')
    },
  )

  it('normalises hosts', () => {
    expect(normaliseHost(' Example.COM:8080 ')).toBe('example.com')
    expect(normaliseHost('[::1]:3000')).toBe('[::1]')
    expect(normaliseHost(undefined)).toBe('')
  })

  it('gives a site its first domain as origin, or <slug>.localhost in development', () => {
    expect(siteOrigin({ site: sites[1], port: 3000 })).toBe('http://fgw.qingchuan.gov.cn')
    expect(siteOrigin({ site: { slug: 'jyj', domains: [] }, port: 3000 })).toBe(
      'http://jyj.localhost:3000',
    )
  })

  it.each([
    ['3399000001', true],
    ['339900000', false],
    ['33990000011', false],
    ['33990000ab', false],
  ])('site ID code %s valid: %s', (code, ok) => expect(isSiteIdCode(code)).toBe(ok))

  it.each([
    ['fgw', true],
    ['a-b', true],
    ['-ab', false],
    ['ab-', false],
    ['Ab', false],
    ['a_b', false],
  ])('site slug %s valid: %s', (slug, ok) => expect(isSiteSlug(slug)).toBe(ok))

  it.each([
    ['www.gov.cn', true],
    ['http://www.gov.cn', false],
    ['www.gov.cn/path', false],
    ['localhost', false],
  ])('domain %s valid: %s', (d, ok) => expect(isDomainName(d)).toBe(ok))
})

describe('permissions', () => {
  const admin: Actor = { id: 1, platformRoles: ['platform-admin'] }
  const auditor: Actor = { id: 2, platformRoles: ['auditor'] }
  const mixed: Actor = {
    id: 3,
    sites: [
      { site: 10, roles: ['editor'] },
      { site: { id: 20 }, roles: ['site-admin', 'handler'] },
    ],
  }

  it('lists the sites where a person holds a role', () => {
    expect(sitesWithRole(mixed)).toEqual([10, 20])
    expect(sitesWithRole(mixed, 'site-admin')).toEqual([20])
    expect(sitesWithRole(mixed, 'signer')).toEqual([])
  })

  it('checks a role on a site given as an id or a document', () => {
    expect(hasSiteRole(mixed, 10, 'editor')).toBe(true)
    expect(hasSiteRole(mixed, { id: 20 }, 'handler')).toBe(true)
    expect(hasSiteRole(mixed, '20', 'site-admin')).toBe(true)
    expect(hasSiteRole(mixed, 10, 'site-admin')).toBe(false)
    expect(hasSiteRole(mixed, null, 'editor')).toBe(false)
  })

  it('lets platform admins write everywhere and auditors nowhere', () => {
    expect(writableSites(admin, 'article')).toBe(true)
    expect(writableSites(auditor, 'article')).toEqual([])
    expect(readableSites(auditor)).toBe(true)
    expect(canWriteOnSite(auditor, 'column', 10)).toBe(false)
  })

  it('separates what a person may do on each of their sites', () => {
    expect(canWriteOnSite(mixed, 'articleCreate', 10)).toBe(true)
    expect(canWriteOnSite(mixed, 'column', 10)).toBe(false)
    expect(canWriteOnSite(mixed, 'column', 20)).toBe(true)
    expect(canWriteOnSite(mixed, 'articleCreate', 20)).toBe(true)
    expect(canWriteOnSite(null, 'article', 10)).toBe(false)
  })

  it('lets a site admin change roles only on sites they administer', () => {
    const before = { sites: [{ site: 20, roles: ['editor' as const] }] }
    expect(
      roleChangeBlockers({
        actor: mixed,
        before,
        after: { sites: [{ site: 20, roles: ['editor', 'reviewer'] }] },
      }),
    ).toEqual([])
    expect(
      roleChangeBlockers({
        actor: mixed,
        before,
        after: { sites: [...before.sites, { site: 10, roles: ['editor'] }] },
      }),
    ).toEqual(['只能为自己管理的站点分配或撤销角色'])
    expect(
      roleChangeBlockers({
        actor: mixed,
        before,
        after: { ...before, platformRoles: ['auditor'] },
      }),
    ).toEqual(['只有平台管理员可以设置平台角色'])
    expect(
      roleChangeBlockers({
        actor: admin,
        before,
        after: { platformRoles: ['auditor'], sites: [] },
      }),
    ).toEqual([])
  })

  it('ignores the order of rows and roles when comparing', () => {
    const before = {
      sites: [
        { site: 10, roles: ['editor' as const, 'reviewer' as const] },
        { site: 30, roles: ['signer' as const] },
      ],
    }
    const after = {
      sites: [
        { site: 30, roles: ['signer' as const] },
        { site: 10, roles: ['reviewer' as const, 'editor' as const] },
      ],
    }
    expect(roleChangeBlockers({ actor: mixed, before, after })).toEqual([])
  })
})

describe('pagination', () => {
  it.each([
    ['index.html', 1],
    ['index_1.html', 1],
    ['index_12.html', 12],
    ['index_0.html', null],
    ['index_01.html', null],
    ['index_abc.html', null],
    ['index_9999999.html', null],
    ['list.html', null],
  ])('reads %s as page %s', (seg, page) => expect(parsePageSegment(seg)).toBe(page))

  it('shows a window of pages with first and last', () => {
    expect(pageWindow({ page: 1, pages: 3 })).toEqual([1, 2, 3])
    expect(pageWindow({ page: 10, pages: 20 })).toEqual([1, 8, 9, 10, 11, 12, 20])
    expect(pageWindow({ page: 1, pages: 20 })).toEqual([1, 2, 3, 4, 5, 6, 20])
    expect(pageWindow({ page: 20, pages: 20 })).toEqual([1, 15, 16, 17, 18, 19, 20])
  })
})

describe('columns', () => {
  it('builds paths from the parent', () => {
    expect(columnPath(null, 'tzgg')).toBe('tzgg')
    expect(columnPath('zfxxgk', 'zcwj')).toBe('zfxxgk/zcwj')
  })
  it.each([
    ['tzgg', null, []],
    ['Tzgg', null, ['栏目代号只能包含小写字母、数字和连字符']],
    ['admin', null, ['“admin”是系统保留路径，不能用作栏目代号']],
    ['admin', 'zfxxgk', []],
  ])('slug %s under %s', (slug, parentPath, problems) =>
    expect(columnSlugProblems({ slug, parentPath })).toEqual(problems),
  )
})

describe('dates', () => {
  it('shows Beijing dates', () => {
    expect(beijingDate('2026-11-21T17:30:00Z')).toBe('2026-11-22')
    expect(beijingDateTime('2026-11-21T17:30:00Z')).toBe('2026-11-22 01:30')
    expect(beijingDate(null)).toBe('')
    expect(beijingDate('not a date')).toBe('')
  })
})

describe('uploads are judged by content', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n')
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
  it.each([
    ['pdf', pdf, 'pdf'],
    ['docx', docx(), 'docx'],
    ['xlsx', xlsx(), 'xlsx'],
    ['ofd', ofd(), 'ofd'],
    ['doc', doc(), 'doc'],
    ['png', png, null],
    ['plain zip', zip({ 'a.txt': 'x' }), null],
    ['html', Buffer.from('<html><script>alert(1)</script></html>'), null],
    ['exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), null],
  ])('detects %s', (_name, bytes, kind) => expect(detectAttachment(bytes)).toBe(kind))

  it('detects images', () => {
    expect(detectImage(png)).toBe('png')
    expect(detectImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg')
    expect(detectImage(pdf)).toBeNull()
  })

  it('refuses files over the limit, empty files and wrong content with a sentence', () => {
    expect(
      attachmentProblems({ bytes: pdf, size: 60 * 1024 * 1024, maxBytes: 50 * 1024 * 1024 }),
    ).toEqual(['附件大小为 60.0 MB，超过了 50.0 MB 的上限'])
    expect(attachmentProblems({ bytes: Buffer.alloc(0), size: 0, maxBytes: 10 })).toEqual([
      '附件是空文件',
    ])
    expect(attachmentProblems({ bytes: png, size: png.length, maxBytes: 1e6 })[0]).toContain(
      '附件只接受 PDF、OFD',
    )
    expect(attachmentProblems({ bytes: pdf, size: pdf.length, maxBytes: 1e6 })).toEqual([])
    expect(imageProblems({ bytes: pdf, size: pdf.length, maxBytes: 1e6 })[0]).toContain(
      '此文件的内容不是图片',
    )
  })
})

describe('links between sites', () => {
  const fgw = { slug: 'fgw', domains: ['fgw.qingchuan.gov.cn'] }

  it('send a reader on a development address to development addresses on the server port', async () => {
    const { linkOrigin } = await import('../../src/domain/sites')
    expect(linkOrigin({ site: fgw, dev: true, port: 4000 })).toBe('http://fgw.localhost:4000')
    expect(linkOrigin({ site: fgw, dev: false, port: 4000 })).toBe('http://fgw.qingchuan.gov.cn')
  })

  it.each([
    ['127.0.0.1:3000', true, true],
    ['fgw.localhost:6666', true, true],
    ['fgw.localhost:6666', false, false],
    ['localhost', false, false],
    ['www.gov.cn', true, false],
  ])('counts %s as a development address (dev hosts on: %s): %s', async (host, on, dev) => {
    const { isDevHost } = await import('../../src/domain/sites')
    expect(isDevHost(host, on)).toBe(dev)
  })
})

describe('links back to the page itself', () => {
  it.each([
    ['/tzgg/', '/tzgg/'],
    ['//evil.example/x', '/evil.example/x'],
    ['/\\evil.example/x', '/evil.example/x'],
    ['/\\/evil.example', '/evil.example'],
    ['/\t/evil.example', '/evil.example'],
    ['/\n\r//evil.example', '/evil.example'],
    ['evil.example', '/evil.example'],
    ['', '/'],
    [undefined, '/'],
    ['/a//b///c', '/a/b/c'],
  ])('makes %j a path on this site: %j', async (path, expected) => {
    const { localPath } = await import('../../src/domain/sites')
    const local = localPath(path)
    expect(local).toBe(expected)
    expect(local).toMatch(/^\/(?![/\\])/)
    // A browser resolves it on the page's own origin.
    expect(new URL(local, 'https://www.qingchuan.gov.cn/x/').host).toBe('www.qingchuan.gov.cn')
  })
})

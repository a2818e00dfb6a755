// Uploads through the Local API as an editor: content checks, sizes, EXIF stripping, and that
// a refused upload leaves nothing behind.
import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Id, TestUser } from '../helpers/fixtures'
import { makeColumn, makeSite, makeUser, pdfBytes, pngBytes } from '../helpers/fixtures'
import { ACTIVE_EXTENSIONS, pageAsPdf, scriptedSvg } from '../helpers/hostile-files'
import { type Started, startPayload, testDb } from '../helpers/payload'
import { doc, docx, ofd, xlsx } from '../helpers/zip'

let t: Started
// Settings are read when first imported: only after the test database is set.
let settings: typeof import('../../src/settings').settings
let site: Id
let column: Id
let editor: TestUser

beforeAll(async () => {
  t = await startPayload()
  ;({ settings } = await import('../../src/settings'))
  site = (await makeSite(t.payload)).id
  column = (await makeColumn(t.payload, site)).id
  editor = await makeUser(t.payload, { sites: [{ site, roles: ['editor'] }] })
})
afterAll(async () => t?.stop())

const files = (dir: 'images' | 'files') => {
  const p = path.join(settings.mediaDir, dir)
  return fs.existsSync(p) ? fs.readdirSync(p).sort() : []
}

const attach = (data: Buffer, name: string, mimetype = 'application/octet-stream') =>
  t.payload.create({
    collection: 'attachments',
    data: { site, title: name },
    file: { data, name, mimetype, size: data.length },
    user: editor,
    overrideAccess: false,
  })

/** An image uploaded by the editor; `alt` is its alternative text (none if left out). */
const picture = (data: Buffer, name: string, mimetype: string, alt?: string) =>
  t.payload.create({
    collection: 'media',
    data: alt === undefined ? { site } : { site, alt },
    file: { data, name, mimetype, size: data.length },
    user: editor,
    overrideAccess: false,
  })

describe(`uploads on ${testDb()}`, () => {
  it.each([
    ['通知.pdf', pdfBytes(), 'application/pdf'],
    ['公文.ofd', ofd(), 'application/ofd'],
    [
      '方案.docx',
      docx(),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['名单.xlsx', xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['旧稿.doc', doc(), 'application/msword'],
  ])('accepts %s by its content', async (name, data, mimetype) => {
    const made = await attach(data, name, mimetype)
    expect(made.id).toBeTruthy()
  })

  it('refuses a picture renamed to .pdf with a Chinese sentence, storing nothing', async () => {
    const before = {
      docs: (await t.payload.count({ collection: 'attachments' })).totalDocs,
      files: files('files'),
    }
    await expect(attach(await pngBytes(), '伪装.pdf', 'application/pdf')).rejects.toThrow(
      /附件只接受 PDF、OFD、Word（DOC\/DOCX）和 Excel（XLS\/XLSX）文件/,
    )
    expect((await t.payload.count({ collection: 'attachments' })).totalDocs).toBe(before.docs)
    expect(files('files')).toEqual(before.files)
  })

  it('refuses a program renamed to .docx', async () => {
    await expect(
      attach(Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), '病毒.docx'),
    ).rejects.toThrow('附件只接受')
  })

  it('refuses an attachment over the size limit, naming both sizes', async () => {
    const limit = settings.attachmentMaxBytes
    settings.attachmentMaxBytes = 1024
    try {
      const big = Buffer.concat([pdfBytes(), Buffer.alloc(4096, 32)])
      await expect(attach(big, '大文件.pdf', 'application/pdf')).rejects.toThrow(
        /超过了 0\.00 MB 的上限|超过了 .* 的上限/,
      )
    } finally {
      settings.attachmentMaxBytes = limit
    }
  })

  it('refuses a non-image in the image library', async () => {
    const data = pdfBytes()
    await expect(picture(data, 'x.png', 'image/png', '假图')).rejects.toThrow(
      '此文件的内容不是图片',
    )
  })

  it('strips EXIF (camera, GPS) from images and makes WebP sizes', async () => {
    const data = await sharp({
      create: { width: 1600, height: 1000, channels: 3, background: '#336699' },
    })
      .withExif({ IFD0: { Make: 'SpyCam', Model: 'GPS-1', Copyright: '张三 13800138000' } })
      .jpeg()
      .toBuffer()
    expect((await sharp(data).metadata()).exif).toBeDefined()
    const media = await picture(data, 'photo.jpg', 'image/jpeg', '会议现场')
    const stored = fs.readFileSync(path.join(settings.mediaDir, 'images', media.filename as string))
    const meta = await sharp(stored).metadata()
    expect(meta.exif).toBeUndefined()
    expect(stored.includes(Buffer.from('SpyCam'))).toBe(false)
    const sizes = media.sizes as Record<string, { filename?: string; mimeType?: string }>
    expect(sizes.thumb?.mimeType).toBe('image/webp')
    expect(sizes.card?.filename).toMatch(/\.webp$/)
    const card = fs.readFileSync(path.join(settings.mediaDir, 'images', sizes.card!.filename!))
    expect((await sharp(card).metadata()).exif).toBeUndefined()
  })

  it('requires alt text for images', async () => {
    const data = await pngBytes()
    await expect(picture(data, 'noalt.png', 'image/png')).rejects.toThrow(/替代文本/)
  })
})

describe(`stored names come from content on ${testDb()}`, () => {
  it.each(ACTIVE_EXTENSIONS)(
    'stores a page posing as a PDF, uploaded as notice.%s, as notice.pdf',
    async (ext) => {
      const made = await attach(pageAsPdf(), `notice-${ext}.${ext}`, 'text/html')
      expect(made.filename).toBe(`notice-${ext}.pdf`)
      expect(made.mimeType).toBe('application/pdf')
      expect(files('files')).toContain(`notice-${ext}.pdf`)
      expect(files('files').filter((f) => !/\.(pdf|ofd|docx?|xlsx?)$/.test(f))).toEqual([])
    },
  )

  it('stores a picture uploaded as logo.svg under the extension of what it is', async () => {
    const data = await pngBytes(800, 600)
    const media = await picture(data, '../标志.svg', 'image/svg+xml', '标志')
    expect(media.filename).toBe('标志.png')
    expect(media.mimeType).toBe('image/png')
    const sizes = Object.values(media.sizes as Record<string, { filename?: string | null }>)
    const made = sizes.map((size) => size.filename).filter(Boolean)
    expect(made.length).toBeGreaterThan(0)
    for (const name of made) expect(name).toMatch(/^标志-\d+x\d+\.webp$/)
    expect(
      files('images')
        .filter((f) => f.startsWith('标志'))
        .every((f) => !f.endsWith('.svg')),
    ).toBe(true)
  })

  it('refuses an SVG in the image library, in attachments and in request files', async () => {
    const data = scriptedSvg()
    const file = { data, name: 'logo.svg', mimetype: 'image/svg+xml', size: data.length }
    await expect(picture(data, 'logo.svg', 'image/svg+xml', '矢量图')).rejects.toThrow(
      '此文件的内容不是图片',
    )
    await expect(attach(data, 'logo.svg', 'image/svg+xml')).rejects.toThrow('附件只接受')
    await expect(
      t.payload.create({ collection: 'request-files', data: { site }, file }),
    ).rejects.toThrow('附件只接受')
    expect(files('images').some((f) => f.endsWith('.svg'))).toBe(false)
  })

  it('answers a file name holding a NUL with 400 and a sentence, storing nothing', async () => {
    const before = files('files')
    const refused = await attach(pdfBytes(), 'a\u0000.html', 'application/pdf').catch((e) => e)
    expect(refused).toMatchObject({ status: 400 })
    expect(String(refused.message)).toContain('文件名中含有空字符')
    expect(files('files')).toEqual(before)
  })

  it('gives request files the same naming rule (they are private, served only by the API)', async () => {
    const data = pageAsPdf()
    const made = await t.payload.create({
      collection: 'request-files',
      data: { site },
      file: {
        data,
        name: 'C:\\fakepath\\申请.xhtml',
        mimetype: 'application/xhtml+xml',
        size: data.length,
      },
    })
    expect(made.filename).toBe('申请.pdf')
    expect(made.mimeType).toBe('application/pdf')
  })

  it('refuses a file Payload fetched itself under a name that does not fit its content', async () => {
    // Payload stores a file fetched from `{ filename, url }` in the data without a req.file
    // in beforeOperation; here the fetch is refused by Payload's safeFetch (loopback), so the
    // last-word hook is called as Payload would call it after fetching.
    const { Attachments } = await import('../../collections/Uploads')
    const hook = Attachments.hooks!.beforeValidate![0]
    const call = (filename: string, data: Buffer) =>
      hook({
        data: { filename },
        req: { file: { data, name: filename, mimetype: 'text/html', size: data.length } },
      } as never)
    expect(() => call('notice.html', pageAsPdf())).toThrow('按其实际格式命名')
    expect(() => call('notice.pdf', scriptedSvg())).toThrow('按其实际格式命名')
    expect(call('notice.pdf', pageAsPdf())).toEqual({ filename: 'notice.pdf' })
    const before = files('files')
    await expect(
      t.payload.create({
        collection: 'attachments',
        data: {
          site,
          title: '远程',
          filename: 'remote.html',
          url: 'http://127.0.0.1:9/remote.html',
        },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/fetch|按其实际格式命名/i)
    expect(files('files')).toEqual(before)
  })

  it('keeps the content-chosen extension when a file is replaced', async () => {
    const made = await attach(pdfBytes(), '原件.pdf', 'application/pdf')
    const data = pageAsPdf()
    const updated = await t.payload.update({
      collection: 'attachments',
      id: made.id,
      data: {},
      file: { data, name: '替换.html', mimetype: 'text/html', size: data.length },
      user: editor,
      overrideAccess: false,
    })
    expect(updated.filename).toBe('替换.pdf')
  })
})

describe(`article validation on ${testDb()}`, () => {
  it('refuses an article without a title, naming the field, and saves nothing', async () => {
    const before = (await t.payload.count({ collection: 'articles' })).totalDocs
    await expect(
      t.payload.create({
        collection: 'articles',
        data: { site, columns: [column], title: '' },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/标题/)
    expect((await t.payload.count({ collection: 'articles' })).totalDocs).toBe(before)
  })

  it('refuses a column of another site', async () => {
    const other = await makeSite(t.payload)
    const foreign = await makeColumn(t.payload, other.id, { name: '外站栏目' })
    await expect(
      t.payload.create({
        collection: 'articles',
        data: { site, columns: [foreign.id], title: '串站' },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/外站栏目|所属栏目/)
  })

  it('refuses a column whose path already exists on the site, and reserved slugs', async () => {
    await makeColumn(t.payload, site, { slug: 'tzgg' })
    await expect(makeColumn(t.payload, site, { slug: 'tzgg' })).rejects.toThrow(
      '本站已有路径为“tzgg”的栏目',
    )
    await expect(makeColumn(t.payload, site, { slug: 'admin' })).rejects.toThrow('系统保留路径')
  })

  it('creates every new article as a draft: publishing is a workflow move', async () => {
    await expect(
      t.payload.create({
        collection: 'articles',
        data: { site, columns: [column], title: '发布', state: 'published' },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow('新建的稿件只能是草稿')
  })

  it('never deletes a site, even for a platform admin', async () => {
    const admin = await makeUser(t.payload, { platformRoles: ['platform-admin'] })
    await expect(
      t.payload.delete({ collection: 'sites', id: site, user: admin, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await t.payload.findByID({ collection: 'sites', id: site })).id).toBe(site)
  })
})

// Uploads through the Local API as an editor: content checks, sizes, EXIF stripping, and that
// a refused upload leaves nothing behind.
import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  type Id,
  makeColumn,
  makeSite,
  makeUser,
  pdfBytes,
  pngBytes,
  type TestUser,
} from '../helpers/fixtures'
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
    await expect(
      t.payload.create({
        collection: 'media',
        data: { site, alt: '假图' },
        file: { data, name: 'x.png', mimetype: 'image/png', size: data.length },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow('此文件的内容不是图片')
  })

  it('strips EXIF (camera, GPS) from images and makes WebP sizes', async () => {
    const data = await sharp({
      create: { width: 1600, height: 1000, channels: 3, background: '#336699' },
    })
      .withExif({ IFD0: { Make: 'SpyCam', Model: 'GPS-1', Copyright: '张三 13800138000' } })
      .jpeg()
      .toBuffer()
    expect((await sharp(data).metadata()).exif).toBeDefined()
    const media = await t.payload.create({
      collection: 'media',
      data: { site, alt: '会议现场' },
      file: { data, name: 'photo.jpg', mimetype: 'image/jpeg', size: data.length },
      user: editor,
      overrideAccess: false,
    })
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
    await expect(
      t.payload.create({
        collection: 'media',
        data: { site },
        file: { data, name: 'noalt.png', mimetype: 'image/png', size: data.length },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/替代文本/)
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

// Uploaded files over HTTP are inert on every route: hostile uploads of each active extension,
// and hostile files already on disk, through /files, /media and Payload's /api/<collection>/file.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { FILE_CSP } from '../../src/domain/uploads'
import { makeSite, makeUser, pngBytes, type TestUser } from '../helpers/fixtures'
import { ACTIVE_EXTENSIONS, activePage, pageAsPdf } from '../helpers/hostile-files'
import { get, startServer, type TestServer } from '../helpers/server'

// A platform host from the settings (read when first imported, so set before the server starts).
const ADMIN_HOST = 'admin.qingchuan.gov.cn'
process.env.PLATFORM_HOSTS = ADMIN_HOST

let s: TestServer
/** The same app with a stand-in for Next that answers /api through Payload's real REST handler. */
let api: TestServer
let closeApi: () => Promise<void>
let mediaDir: string
let siteHost: string
let token: string
let editor: TestUser

const attachments: string[] = []
const images: string[] = []
const requestFiles: string[] = []
/** Files that reached the disk under an active name before names were chosen by content. */
const LEGACY = ACTIVE_EXTENSIONS.map((ext) => `legacy.${ext}`)

/**
 * What Next does with a route handler's Response (next/dist/server/send-response.js): copy the
 * status, append each header only when the response does not have it yet, send the body.
 */
async function nextStandIn(req: ExpressRequest, res: ExpressResponse) {
  const { handleEndpoints } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const headers = new Headers()
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
  const response = await handleEndpoints({
    config,
    request: new Request(new URL(req.originalUrl, 'http://localhost'), {
      method: req.method,
      headers,
    }),
  })
  res.statusCode = response.status
  response.headers.forEach((value, name) => {
    if (['content-length', 'content-encoding', 'transfer-encoding'].includes(name)) return
    if (res.getHeader(name) === undefined) res.appendHeader(name, value)
  })
  res.end(Buffer.from(await response.arrayBuffer()))
}

beforeAll(async () => {
  s = await startServer()
  const { settings } = await import('../../src/settings')
  mediaDir = settings.mediaDir
  const site = await makeSite(s.payload, { domains: [{ domain: 'fgw.qingchuan.gov.cn' }] })
  siteHost = 'fgw.qingchuan.gov.cn'
  editor = await makeUser(s.payload, { sites: [{ site: site.id, roles: ['editor', 'handler'] }] })
  const login = await s.payload.login({
    collection: 'users',
    data: { email: editor.email, password: 'Test-Password-1' },
  })
  token = login.token!

  const pdf = pageAsPdf()
  const png = await pngBytes(800, 600)
  for (const ext of ACTIVE_EXTENSIONS) {
    const a = await s.payload.create({
      collection: 'attachments',
      data: { site: site.id, title: ext },
      file: { data: pdf, name: `notice-${ext}.${ext}`, mimetype: 'text/html', size: pdf.length },
    })
    attachments.push(a.filename!)
    const m = await s.payload.create({
      collection: 'media',
      data: { site: site.id, alt: ext },
      file: { data: png, name: `pic-${ext}.${ext}`, mimetype: 'image/svg+xml', size: png.length },
    })
    images.push(m.filename!)
    const sizes = (m.sizes ?? {}) as Record<string, { filename?: string | null } | undefined>
    for (const size of Object.values(sizes)) if (size?.filename) images.push(size.filename)
    const r = await s.payload.create({
      collection: 'request-files',
      data: { site: site.id },
      file: { data: pdf, name: `req-${ext}.${ext}`, mimetype: 'text/html', size: pdf.length },
    })
    requestFiles.push(r.filename!)
  }
  for (const dir of ['files', 'images']) {
    fs.mkdirSync(path.join(mediaDir, dir), { recursive: true })
    for (const name of LEGACY) fs.writeFileSync(path.join(mediaDir, dir, name), activePage())
  }

  const { createApp } = await import('../../src/server/app')
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const { handler } = createApp({
    payload: s.payload,
    port,
    logger: pino({ level: 'silent' }),
    nextHandler: nextStandIn,
  })
  server.on('request', handler)
  api = { ...s, port, url: `http://127.0.0.1:${port}` }
  closeApi = () => new Promise<void>((resolve) => server.close(() => resolve()))
})
afterAll(async () => {
  await closeApi?.()
  await s?.close()
})

const ACTIVE_TYPE = /html|svg|xml|javascript|text\//i

/** A file answered with its content: typed as what it is, sniff-proof, sandboxed, downloaded unless image/PDF. */
function expectInertFile(res: { status: number; headers: Headers }, type: RegExp) {
  expect(res.status).toBe(200)
  const contentType = res.headers.get('content-type') ?? ''
  expect(contentType).toMatch(type)
  expect(contentType).not.toMatch(ACTIVE_TYPE)
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('content-security-policy')).toBe(FILE_CSP)
  const inline = /^(image\/(jpeg|png|webp|gif)|application\/pdf)$/.test(contentType)
  expect(res.headers.get('content-disposition')).toMatch(inline ? /^inline/ : /^attachment/)
}

/** Not served: not found, and nothing of the file in the answer. */
function expectNotServed(res: { status: number; headers: Headers; text: string }) {
  expect(res.status).toBe(404)
  expect(res.text).not.toContain('alert(document.domain)')
}

const enc = encodeURIComponent
const PLATFORM = ['localhost', '127.0.0.1', ADMIN_HOST, 'localhost:3000']

describe('files uploaded under an active name', () => {
  it('were stored under the extension of what they are', () => {
    expect(attachments).toEqual(ACTIVE_EXTENSIONS.map((e) => `notice-${e}.pdf`))
    expect(images.filter((n) => !/\.(png|webp)$/.test(n))).toEqual([])
    expect(requestFiles).toEqual(ACTIVE_EXTENSIONS.map((e) => `req-${e}.pdf`))
  })

  it('are served on a site host as inert PDFs and images from /files', async () => {
    for (const name of attachments)
      expectInertFile(
        await get(s, `/files/docs/${enc(name)}`, { host: siteHost }),
        /^application\/pdf$/,
      )
    for (const name of images)
      expectInertFile(
        await get(s, `/files/images/${enc(name)}`, { host: siteHost }),
        /^image\/(png|webp)$/,
      )
  })

  it('name the file in UTF-8 in Content-Disposition', async () => {
    const res = await get(s, `/files/docs/${enc(attachments[0])}`, { host: siteHost })
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="${attachments[0]}"; filename*=UTF-8''${enc(attachments[0])}`,
    )
  })

  it('are not found on the platform and admin hosts, nor on hosts of no site', async () => {
    for (const host of [...PLATFORM, 'nosuch.example.com'])
      for (const url of [
        `/files/docs/${enc(attachments[0])}`,
        `/files/images/${enc(images[0])}`,
        `/media/files/${enc(attachments[0])}`,
        `/media/images/${enc(images[0])}`,
      ]) {
        const res = await get(s, url, { host })
        expectNotServed(res)
        expect(res.headers.get('content-type')).not.toMatch(/svg|xml/)
      }
  })

  it('are never served from /media, which is no route', async () => {
    for (const url of [
      `/media/files/${enc(attachments[0])}`,
      `/media/images/${enc(images[0])}`,
      `/media/${enc(attachments[0])}`,
    ])
      expectNotServed(await get(s, url, { host: siteHost }))
  })

  it("are inert through Payload's own file route on every host, the admin's included", async () => {
    for (const host of [siteHost, ...PLATFORM]) {
      for (const name of attachments)
        expectInertFile(
          await get(api, `/api/attachments/file/${enc(name)}`, { host }),
          /^application\/pdf$/,
        )
      for (const name of images)
        expectInertFile(
          await get(api, `/api/media/file/${enc(name)}`, { host }),
          /^image\/(png|webp)$/,
        )
    }
    const auth = { authorization: `JWT ${token}` }
    for (const name of requestFiles)
      expectInertFile(
        await get(api, `/api/request-files/file/${enc(name)}`, { host: ADMIN_HOST, headers: auth }),
        /^application\/pdf$/,
      )
  })
})

describe('hostile files already on disk under an active name', () => {
  it('are not found on any route or host', async () => {
    for (const host of [siteHost, ...PLATFORM])
      for (const name of LEGACY) {
        for (const url of [`/files/docs/${name}`, `/files/images/${name}`])
          expectNotServed(await get(s, url, { host }))
        for (const url of [
          `/api/attachments/file/${name}`,
          `/api/media/file/${name}`,
          `/api/request-files/file/${name}`,
        ])
          expectNotServed(await get(api, url, { host }))
      }
  })

  it("are opaque downloads even from Payload's route alone (without the Express guard)", async () => {
    const { handleEndpoints } = await import('payload')
    const { default: config } = await import('../../payload.config')
    for (const name of LEGACY) {
      const res = await handleEndpoints({
        config,
        request: new Request(`http://localhost/api/attachments/file/${name}`),
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).not.toMatch(ACTIVE_TYPE)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('content-security-policy')).toBe(FILE_CSP)
      expect(res.headers.get('content-type')).toBe('application/octet-stream')
      expect(res.headers.get('content-disposition')).toBe('attachment')
      await res.arrayBuffer()
    }
  })
})

/** A multipart upload written by hand: clients differ in how they put a NUL into a file name. */
function multipart(fileParam: string, fields: Record<string, unknown>) {
  const boundary = `----jiyue${Date.now()}`
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${JSON.stringify(fields)}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; ${fileParam}\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    pageAsPdf(),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { body, type: `multipart/form-data; boundary=${boundary}` }
}

describe('an upload through the REST API', () => {
  it('fetches nothing from a pasted URL for an editor', async () => {
    const { handleEndpoints } = await import('payload')
    const { default: config } = await import('../../payload.config')
    for (const collection of ['media', 'attachments', 'request-files']) {
      const res = await handleEndpoints({
        config,
        request: new Request(
          `http://localhost/api/${collection}/paste-url?src=${enc('https://evil.example/x.html')}`,
          { headers: { authorization: `JWT ${token}` } },
        ),
      })
      expect(res.status, collection).toBe(400)
      await res.arrayBuffer()
    }
  })

  it.each([
    ['raw in the header', 'filename="notice\u0000.html"'],
    ['percent-encoded (RFC 5987)', "filename*=UTF-8''notice%00.html"],
  ])('answers a file name holding a NUL %s with 400 and a sentence', async (_how, param) => {
    const { handleEndpoints } = await import('payload')
    const { default: config } = await import('../../payload.config')
    const sites = await s.payload.find({ collection: 'sites', limit: 1 })
    const before = (await s.payload.count({ collection: 'attachments' })).totalDocs
    for (const collection of ['attachments', 'media', 'request-files']) {
      const { body, type } = multipart(param, {
        site: sites.docs[0].id,
        title: '空字符',
        alt: '空字符',
      })
      const res = await handleEndpoints({
        config,
        request: new Request(`http://localhost/api/${collection}`, {
          method: 'POST',
          headers: { authorization: `JWT ${token}`, 'content-type': type },
          body,
        }),
      })
      const answer = (await res.json()) as { errors?: { message: string }[] }
      expect(res.status, collection).toBe(400)
      expect(answer.errors?.[0]?.message).toMatch(/空字符/)
    }
    expect((await s.payload.count({ collection: 'attachments' })).totalDocs).toBe(before)
  })
})

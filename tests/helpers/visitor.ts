// HTTP as a visitor sends it: the Host header kept (fetch() would overwrite it; node:http does
// not), an address in X-Forwarded-For (the server trusts loopback), cookies kept between
// requests, and urlencoded or multipart form posts. Every public-form test uses this one.
import http from 'node:http'

import { startServer, type TestServer } from './server'

export type RawAnswer = {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  text: string
}

/** One request to 127.0.0.1:port; the answer with its bytes and its text. */
export function send({
  port,
  method = 'GET',
  path,
  headers = {},
  body,
}: {
  port: number
  method?: string
  path: string
  headers?: Record<string, string | number>
  body?: Buffer | string
}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const bytes = Buffer.concat(chunks)
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: bytes,
          text: bytes.toString('utf8'),
        })
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}

export type UploadFile = { name: string; type: string; bytes: Buffer; field?: string }

/** A multipart/form-data body: the fields, then the files (field name `attachment` by default). */
export function multipart(
  fields: Record<string, string>,
  files: UploadFile[] = [],
): { body: Buffer; type: string } {
  const boundary = `----jiyue${Math.random().toString(16).slice(2)}`
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n`),
      Buffer.from(v),
      Buffer.from('\r\n'),
    )
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'attachment'}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    )
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` }
}

/**
 * One visitor: a host, an address and a cookie jar. `port` is the node it talks to by default;
 * each call may name another (two public nodes behind one balancer).
 */
export function visitor(host: string, ip: string, port: number) {
  const jar = new Map<string, string>()
  const request = async (
    method: string,
    path: string,
    at = port,
    body?: { body: Buffer; type: string },
  ): Promise<RawAnswer> => {
    const headers: Record<string, string | number> = { host, 'x-forwarded-for': ip }
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    if (body) {
      headers['content-type'] = body.type
      headers['content-length'] = body.body.length
    }
    const answer = await send({ port: at, method, path, headers, body: body?.body })
    for (const c of answer.headers['set-cookie'] ?? []) {
      const [pair] = c.split(';')
      const eq = pair.indexOf('=')
      jar.set(pair.slice(0, eq), pair.slice(eq + 1))
    }
    return answer
  }
  return {
    jar,
    get: (path: string, at?: number) => request('GET', path, at),
    post: (path: string, fields: Record<string, string>, at?: number) =>
      request('POST', path, at, {
        body: Buffer.from(new URLSearchParams(fields).toString()),
        type: 'application/x-www-form-urlencoded',
      }),
    postMultipart: (path: string, fields: Record<string, string>, file?: UploadFile) =>
      request('POST', path, port, multipart(fields, file ? [file] : [])),
  }
}

/** The value of a hidden input in a form page. */
export const hidden = (html: string, name: string): string => {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)
  if (!m) throw new Error(`no hidden field ${name}`)
  return m[1]
}

/** A public form's hidden fields with its CAPTCHA solved (the answer peeked from the server). */
export const formTokens = (html: string, peek: (id: string) => string | null | undefined) => {
  const captchaId = hidden(html, 'captchaId')
  return {
    _csrf: hidden(html, '_csrf'),
    idem: hidden(html, 'idem'),
    captchaId,
    captchaKind: hidden(html, 'captchaKind'),
    captchaAnswer: peek(captchaId) ?? '',
  }
}

/** HTML text as a reader sees it (the engine escapes every value). */
export const unescape = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

export type FormServer = TestServer & {
  /** One visitor of this server (www.localhost unless another host is named). */
  visitor: (ip: string, host?: string) => ReturnType<typeof visitor>
  /** The CAPTCHA answer the server holds for a challenge. */
  peekCaptchaAnswer: (id: string) => string | null | undefined
  /** A public form page's hidden fields with its CAPTCHA solved. */
  formTokens: (html: string) => ReturnType<typeof formTokens>
}

/**
 * The demo platform on the in-process server, for the public-form tests. The CAPTCHA module is
 * loaded after the server: it reads the settings, which must see the test's database.
 */
export async function startFormServer(): Promise<FormServer> {
  const server = await startServer({ seed: true })
  const { peekCaptchaAnswer } = await import('../../src/services/captcha')
  return {
    ...server,
    visitor: (ip, host = 'www.localhost') => visitor(host, ip, server.port),
    peekCaptchaAnswer,
    formTokens: (html) => formTokens(html, peekCaptchaAnswer),
  }
}

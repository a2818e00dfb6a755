// A public form's posted body: urlencoded or multipart, read with limits so that the text a
// person typed is kept whatever happens to the files (the form toolkit: forms.ts).
import busboy from 'busboy'
import type { Request } from 'express'

import { settings } from '../../settings'

/** The text of a form: far more than its fields can hold. */
const FIELDS_LIMIT = 256 * 1024
/** Bytes read past a too-large attachment before the form stops listening and answers. */
const DRAIN_LIMIT = 64 * 1024 * 1024

/** A file as posted; over the size limit, `bytes` is empty and only `size` tells. */
export type PostedFile = { name: string; type: string; bytes: Buffer; size: number }
export type Body = {
  fields: Record<string, string>
  /** The first file (forms that take one). */
  file: PostedFile | null
  files: PostedFile[]
  /** The body went on past DRAIN_LIMIT: reading stopped, later fields are missing. */
  tooLarge: boolean
}
type Posted = Request & { posted?: Body }

export const EMPTY_BODY: Body = { fields: {}, file: null, files: [], tooLarge: false }

/**
 * Reads the posted form, keeping its text fields whatever happens to the files: a file over the
 * limit is counted and read past, its bytes not kept, so what the person typed can be shown again
 * with a sentence about the file. Reading stops at DRAIN_LIMIT; fields sent after that point are
 * lost, but browsers send fields in page order and the typed text comes before the files.
 */
export async function readBody(
  req: Request,
  {
    maxFileBytes = settings.requestFileMaxBytes,
    maxFiles = 1,
    fileField = 'attachment',
  }: { maxFileBytes?: number; maxFiles?: number; fileField?: string } = {},
): Promise<Body> {
  const body = await read(req, { maxFileBytes, maxFiles, fileField })
  ;(req as Posted).posted = body
  return body
}

function read(
  req: Request,
  {
    maxFileBytes,
    maxFiles,
    fileField,
  }: { maxFileBytes: number; maxFiles: number; fileField: string },
): Promise<Body> {
  const type = String(req.headers['content-type'] ?? '')
  const fields: Record<string, string> = {}
  if (/^application\/x-www-form-urlencoded/i.test(type)) {
    return (async () => {
      const chunks: Buffer[] = []
      let size = 0
      let tooLarge = false
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length
        if (size > FIELDS_LIMIT) {
          tooLarge = true
          break
        }
        chunks.push(chunk)
      }
      for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
        fields[k] ??= v
      return { fields, file: null, files: [], tooLarge }
    })()
  }
  if (!/^multipart\/form-data/i.test(type)) {
    req.resume()
    return Promise.resolve({ ...EMPTY_BODY, fields })
  }
  return new Promise<Body>((resolve) => {
    const files: PostedFile[] = []
    let tooLarge = false
    let done = false
    const pendingFiles: Promise<void>[] = []
    const finish = () => {
      if (done) return
      done = true
      void Promise.all(pendingFiles).then(() =>
        resolve({ fields, file: files[0] ?? null, files, tooLarge }),
      )
    }
    let bb: ReturnType<typeof busboy>
    try {
      bb = busboy({
        headers: req.headers,
        limits: { files: maxFiles, fields: 50, fieldSize: FIELDS_LIMIT, parts: 59 + maxFiles },
        defParamCharset: 'utf8',
      })
    } catch {
      req.resume()
      return resolve({ ...EMPTY_BODY, fields })
    }
    bb.on('field', (name, value) => {
      fields[name] ??= value
    })
    bb.on('file', (name, stream, info) => {
      if (name !== fileField) {
        stream.resume()
        return
      }
      const chunks: Buffer[] = []
      let size = 0
      stream.on('data', (c: Buffer) => {
        size += c.length
        if (size <= maxFileBytes) chunks.push(c)
        else chunks.length = 0
      })
      pendingFiles.push(
        new Promise<void>((ok) =>
          stream.on('close', () => {
            // An empty file input posts a part with no name and no bytes: not a file.
            if ((size || info.filename) && files.length < maxFiles) {
              const bytes = size <= maxFileBytes ? Buffer.concat(chunks) : Buffer.alloc(0)
              files.push({ name: info.filename ?? '', type: info.mimeType, bytes, size })
            }
            ok()
          }),
        ),
      )
    })
    bb.on('close', finish)
    bb.on('error', finish)
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > DRAIN_LIMIT && !done) {
        // Far beyond any attachment: stop reading and answer with what has arrived.
        tooLarge = true
        req.unpipe(bb)
        finish()
      }
    })
    req.on('error', finish)
    req.pipe(bb)
  })
}

/** The fields of the body `readBody` read for this request (the CSRF check reads its token). */
export const postedFields = (req: Request): Record<string, string> | undefined =>
  (req as Posted).posted?.fields

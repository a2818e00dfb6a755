// Decides which uploaded files are accepted, judged by their bytes, never by their name.

export type AttachmentKind = 'pdf' | 'ofd' | 'doc' | 'docx' | 'xls' | 'xlsx'
export type ImageKind = 'jpeg' | 'png' | 'webp' | 'gif'

export const ATTACHMENT_LABELS: Record<AttachmentKind, string> = {
  pdf: 'PDF',
  ofd: 'OFD',
  doc: 'Word 97-2003',
  docx: 'Word',
  xls: 'Excel 97-2003',
  xlsx: 'Excel',
}

const startsWith = (bytes: Uint8Array, sig: number[], offset = 0) =>
  sig.every((b, i) => bytes[offset + i] === b)

const ascii = (bytes: Uint8Array, from = 0, to = bytes.length) =>
  Buffer.from(bytes.subarray(from, Math.min(to, bytes.length))).toString('latin1')

/** Names of the entries in a ZIP file, read from its central directory. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  for (let i = view.length - 22; i >= Math.max(0, view.length - 65_557); i--) {
    if (view.readUInt32LE(i) !== 0x06054b50) continue
    const count = view.readUInt16LE(i + 10)
    let p = view.readUInt32LE(i + 16)
    const names: string[] = []
    for (let n = 0; n < count && p + 46 <= view.length; n++) {
      if (view.readUInt32LE(p) !== 0x02014b50) break
      const nameLen = view.readUInt16LE(p + 28)
      const extraLen = view.readUInt16LE(p + 30)
      const commentLen = view.readUInt16LE(p + 32)
      names.push(view.toString('utf8', p + 46, p + 46 + nameLen))
      p += 46 + nameLen + extraLen + commentLen
    }
    return names
  }
  return []
}

/** What kind of office document these bytes are, or null. */
export function detectAttachment(bytes: Uint8Array): AttachmentKind | null {
  if (bytes.length < 8) return null
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes)
    if (names.some((n) => n === 'OFD.xml')) return 'ofd'
    if (names.includes('[Content_Types].xml')) {
      if (names.some((n) => n.startsWith('word/'))) return 'docx'
      if (names.some((n) => n.startsWith('xl/'))) return 'xlsx'
    }
    return null
  }
  // OLE2 compound file (doc/xls): tell them apart by the stream names in the directory.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const text = Buffer.from(bytes).toString('utf16le')
    if (text.includes('WordDocument')) return 'doc'
    if (text.includes('Workbook') || text.includes('Book')) return 'xls'
    return null
  }
  return null
}

export function detectImage(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp'
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif'
  return null
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`

/** An uploaded file's first bytes, its size and the limit it must keep to. */
type UploadFacts = { bytes: Uint8Array; size: number; maxBytes: number }

/** Sentences refusing an attachment, or none. */
export function attachmentProblems({ bytes, size, maxBytes }: UploadFacts): string[] {
  if (size > maxBytes) return [`附件大小为 ${mb(size)}，超过了 ${mb(maxBytes)} 的上限`]
  if (size === 0) return ['附件是空文件']
  if (!detectAttachment(bytes)) {
    return [
      '附件只接受 PDF、OFD、Word（DOC/DOCX）和 Excel（XLS/XLSX）文件；此文件的内容不属于这些格式（与文件扩展名无关）',
    ]
  }
  return []
}

/** Sentences refusing an image, or none. */
export function imageProblems({ bytes, size, maxBytes }: UploadFacts): string[] {
  if (size > maxBytes) return [`图片大小为 ${mb(size)}，超过了 ${mb(maxBytes)} 的上限`]
  if (!detectImage(bytes)) return ['图片只接受 JPEG、PNG、WebP 和 GIF 格式；此文件的内容不是图片']
  return []
}

// ---------------------------------------------------------------- stored names and served headers

export type FileKind = AttachmentKind | ImageKind

/**
 * The extension each kind is stored under. A stored file's extension is chosen here from what
 * its bytes are, never taken from the upload: `notice.html` holding a PDF is stored as
 * `notice.pdf`, so no name an editor types can make a file a web page.
 */
export const STORED_EXTENSION: Record<FileKind, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  pdf: 'pdf',
  ofd: 'ofd',
  doc: 'doc',
  docx: 'docx',
  xls: 'xls',
  xlsx: 'xlsx',
}

type Served = { contentType: string; inline: boolean }

/**
 * The only extensions the platform serves, with the type each is served as. Images and PDF
 * open in the browser; everything else is downloaded. Anything not listed (html, svg, xml,
 * files stored under an uploaded name before names were chosen by content) is not served.
 */
export const SERVED_TYPES: Record<string, Served> = {
  jpg: { contentType: 'image/jpeg', inline: true },
  // Sharp and older uploads may have written .jpeg.
  jpeg: { contentType: 'image/jpeg', inline: true },
  png: { contentType: 'image/png', inline: true },
  webp: { contentType: 'image/webp', inline: true },
  gif: { contentType: 'image/gif', inline: true },
  pdf: { contentType: 'application/pdf', inline: true },
  ofd: { contentType: 'application/ofd', inline: false },
  doc: { contentType: 'application/msword', inline: false },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    inline: false,
  },
  xls: { contentType: 'application/vnd.ms-excel', inline: false },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    inline: false,
  },
}

/** The type a file of this kind is stored and served as. */
export const contentTypeOf = (kind: FileKind): string =>
  SERVED_TYPES[STORED_EXTENSION[kind]].contentType

/** What an image or attachment is by its bytes (images first: they are judged as images). */
export const detectFileKind = (bytes: Uint8Array): FileKind | null =>
  detectImage(bytes) ?? detectAttachment(bytes)

// C0/C1 controls, DEL, and the bidirectional overrides that make `gpj.html` read as `lmth.jpg`.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g
// Characters Windows refuses in a name, so a downloaded file keeps the name it was given.
const RESERVED = /[<>:"|?*]/g
/** Bytes left for the base name: file systems allow 255, Payload adds `-1` and `-320x213`. */
const MAX_BASE_BYTES = 180

/** Sentences refusing an uploaded file's name, whatever the file holds. */
export function fileNameProblems(uploaded: string): string[] {
  return uploaded.includes('\u0000')
    ? ['文件名中含有空字符（NUL），请把文件改为普通的名称后重新上传']
    : []
}

/**
 * The name a file is stored under: the uploaded name's last path part, without invisible and
 * reserved characters and without its extension(s), plus the extension of what the file is.
 * A name holding a NUL is refused: it is never typed by a person, only made by a tool.
 */
export function storedFileName({
  uploaded,
  kind,
}: {
  uploaded: string
  kind: FileKind
}): { name: string } | { problem: string } {
  const [problem] = fileNameProblems(uploaded)
  if (problem) return { problem }
  const last = uploaded.split(/[\\/]/).pop() ?? ''
  const cleaned = last.replace(INVISIBLE, '').replace(RESERVED, '').trim()
  // Every dot but a leading one ends the base name: `通知.html.pdf` → `通知`, so no server
  // that reads several extensions (Apache's mod_mime does) sees an active one.
  const dot = cleaned.indexOf('.', 1)
  let base = (dot > 0 ? cleaned.slice(0, dot) : cleaned).replace(/^[.\s]+|[.\s]+$/g, '')
  while (Buffer.byteLength(base) > MAX_BASE_BYTES) base = Array.from(base).slice(0, -1).join('')
  return { name: `${base || 'file'}.${STORED_EXTENSION[kind]}` }
}

/**
 * Whether a name Payload is about to store ends with the extension of what the file is. Files
 * that reach Payload without passing through its upload (fetched from a URL given in the data)
 * are checked by this instead.
 */
export const nameFitsContent = ({
  filename,
  kind,
}: {
  filename: string
  kind: FileKind | null
}): boolean => kind != null && extensionOf(filename) === STORED_EXTENSION[kind]

/** The extension a stored name ends with, lower case, or ''. */
export const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/**
 * A served file's own policy: no scripts, no plugins, no forms, a unique origin — even if a
 * browser were to render it as a page. Chromium's built-in PDF viewer still opens a PDF served
 * with it (checked with Debian's Chromium 156, headless, 2026-12).
 */
export const FILE_CSP = "default-src 'none'; sandbox"

const asciiFallback = (name: string) => name.replace(/[^\x20-\x7e]|["\\%]/g, '_')

/** `Content-Disposition` with the name in UTF-8 (RFC 6266/5987) and an ASCII fallback. */
export function contentDisposition({ name, inline }: { name: string; inline: boolean }): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `${inline ? 'inline' : 'attachment'}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encoded}`
}

/**
 * The headers a stored file is served with, or null when it must not be served at all: its type
 * comes from its extension (now chosen by content), restricted to SERVED_TYPES.
 */
export function servedFileHeaders(name: string): Record<string, string> | null {
  const served = SERVED_TYPES[extensionOf(name)]
  if (!served || name.includes('\u0000')) return null
  return {
    'Content-Type': served.contentType,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': FILE_CSP,
    'Content-Disposition': contentDisposition({ name, inline: served.inline }),
  }
}

/** Types that open in the browser; Payload's own file route is told the same list. */
const INLINE_TYPES = new Set(
  Object.values(SERVED_TYPES)
    .filter((s) => s.inline)
    .map((s) => s.contentType),
)
// What Payload's content sniffing reports for the other served kinds (DOC/XLS, OFD).
const DOWNLOAD_TYPES = new Set([
  ...Object.values(SERVED_TYPES)
    .filter((s) => !s.inline)
    .map((s) => s.contentType),
  'application/x-cfb',
  'application/zip',
])

/**
 * Headers for a file Payload serves itself (/api/<collection>/file/<name>), from the type
 * Payload found: the same policy as servedFileHeaders where the name is not at hand. A type
 * outside the list becomes an opaque download.
 */
export function payloadFileHeaders(contentType: string | null): Record<string, string> {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase()
  const inline = INLINE_TYPES.has(type)
  return {
    'Content-Type': inline || DOWNLOAD_TYPES.has(type) ? type : 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': FILE_CSP,
    'Content-Disposition': inline ? 'inline' : 'attachment',
  }
}

/** What the editor reads when an upload's form cannot be read (a NUL in the file name, a cut-off body). */
export const UNREADABLE_UPLOAD =
  '无法读取上传的表单：文件名中可能含有空字符等控制字符，或上传未完整送达；请修改文件名后重新上传'

// The messages busboy (Payload's multipart reader) fails with; Payload answers them with 500.
const MULTIPART_FAILURES = [
  'Malformed part header',
  'Unexpected end of form',
  'Unexpected end of file',
  'Multipart: Boundary not found',
]

/** Whether an error is the multipart reader refusing the request's form, i.e. the client's fault. */
export const isUnreadableUpload = (message: string | undefined): boolean =>
  MULTIPART_FAILURES.includes(message ?? '')

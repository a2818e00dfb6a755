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

/** Sentences refusing an attachment, or none. */
export function attachmentProblems({
  bytes,
  size,
  maxBytes,
}: {
  bytes: Uint8Array
  size: number
  maxBytes: number
}): string[] {
  if (size > maxBytes) return [`附件大小为 ${mb(size)}，超过了 ${mb(maxBytes)} 的上限`]
  if (size === 0) return ['附件是空文件']
  if (!detectAttachment(bytes)) {
    return [
      '附件只接受 PDF、OFD、Word（DOC/DOCX）和 Excel（XLS/XLSX）文件；此文件的内容不属于这些格式（与文件扩展名无关）',
    ]
  }
  return []
}

export function imageProblems({
  bytes,
  size,
  maxBytes,
}: {
  bytes: Uint8Array
  size: number
  maxBytes: number
}): string[] {
  if (size > maxBytes) return [`图片大小为 ${mb(size)}，超过了 ${mb(maxBytes)} 的上限`]
  if (!detectImage(bytes)) return ['图片只接受 JPEG、PNG、WebP 和 GIF 格式；此文件的内容不是图片']
  return []
}

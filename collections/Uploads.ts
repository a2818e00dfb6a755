import path from 'node:path'

import {
  APIError,
  type CollectionAfterErrorHook,
  type CollectionBeforeOperationHook,
  type CollectionBeforeValidateHook,
  type CollectionConfig,
  type PayloadRequest,
} from 'payload'

import {
  attachmentProblems,
  contentTypeOf,
  detectAttachment,
  detectImage,
  fileNameProblems,
  type FileKind,
  imageProblems,
  isUnreadableUpload,
  nameFitsContent,
  payloadFileHeaders,
  storedFileName,
  UNREADABLE_UPLOAD,
} from '../src/domain/uploads'
import { settings } from '../src/settings'
import { anyone, createOnOwnSites, writeOnOwnSites } from './access'
import { siteField } from './fields'
import { ATTACHMENTS, MEDIA } from './slugs'

type Checker = typeof attachmentProblems

/**
 * Gives an accepted upload the name and type of what it is (src/domain/uploads.ts). Payload
 * takes the stored file's extension from `req.file.name` (uploads/generateFileData.js), so
 * renaming it here, before the operation reads it, is what decides the stored name.
 */
export function nameByContent(file: NonNullable<PayloadRequest['file']>, kind: FileKind): void {
  const stored = storedFileName({ uploaded: file.name, kind })
  if ('problem' in stored) throw new APIError(stored.problem, 400, null, true)
  file.name = stored.name
  file.mimetype = contentTypeOf(kind)
}

/**
 * Payload's own file route (/api/<collection>/file/<name>, used by the admin's thumbnails):
 * nosniff, the files' CSP, downloads for all but images and PDF. src/server/app.ts adds the
 * name-based headers in front of it.
 */
export const inertFileHeaders = ({ headers }: { headers: Headers }): Headers => {
  for (const [name, value] of Object.entries(payloadFileHeaders(headers.get('content-type'))))
    headers.set(name, value)
  return headers
}

/**
 * A multipart form Payload cannot read (a raw NUL in the file name makes busboy fail with
 * "Malformed part header") is the client's mistake: 400 with a sentence, not 500.
 */
export const unreadableUploadIs400: CollectionAfterErrorHook = ({ error }) =>
  isUnreadableUpload(error?.message)
    ? { status: 400, response: { errors: [{ message: UNREADABLE_UPLOAD }] } }
    : undefined

/** Refuse a file by its content and size, then name it by its content, before Payload stores anything. */
const checkFile =
  (
    problems: Checker,
    detect: (bytes: Uint8Array) => FileKind | null,
    maxBytes: () => number,
  ): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const file = req.file
    if (!file) return args
    // A bad name is refused whatever the file holds.
    const misnamed = fileNameProblems(file.name)
    const found = misnamed.length
      ? misnamed
      : problems({ bytes: file.data, size: file.size ?? file.data.length, maxBytes: maxBytes() })
    if (found.length) throw new APIError(found.join('；'), 400, null, true)
    const kind = detect(file.data)
    if (kind) nameByContent(file, kind)
    return args
  }

/**
 * The last word before a file is written: a new stored name must carry the extension of what
 * the file is. Payload also stores files it fetched itself from a URL given in the data
 * (`{ filename, url }` on create, uploads/getExternalFile.js); those never pass through
 * beforeOperation with a `req.file`, so checkFile cannot name them.
 */
export const keepNameOfContent =
  (detect: (bytes: Uint8Array) => FileKind | null): CollectionBeforeValidateHook =>
  ({ data, originalDoc, req }) => {
    const filename = (data as { filename?: unknown } | undefined)?.filename
    if (typeof filename !== 'string' || filename === originalDoc?.filename) return data
    const bytes = req.file?.data
    if (!nameFitsContent({ filename, kind: bytes?.length ? detect(bytes) : null })) {
      throw new APIError('文件须直接上传，并按其实际格式命名；此文件未保存', 400, null, true)
    }
    return data
  }

/** The formats official documents come in, accepted for applicants' files and for attachments. */
export const DOCUMENT_TYPES = [
  'application/pdf',
  'application/ofd',
  'application/zip',
  'application/msword',
]

/** Published files (images, attachments): public to read, written by the site's editors. */
const publishedFileAccess = () => ({
  read: anyone,
  create: createOnOwnSites('upload'),
  update: writeOnOwnSites('upload'),
  delete: writeOnOwnSites('uploadDelete'),
})

/** The checks of a published file's content and name, before and after Payload handles it. */
const publishedFileHooks = (
  problems: Checker,
  detect: (bytes: Uint8Array) => FileKind | null,
  maxBytes: () => number,
) => ({
  beforeOperation: [checkFile(problems, detect, maxBytes)],
  beforeValidate: [keepNameOfContent(detect)],
  afterError: [unreadableUploadIs400],
})

export const Media: CollectionConfig = {
  slug: MEDIA,
  labels: { singular: '图片', plural: '图片' },
  admin: { useAsTitle: 'alt', group: '内容' },
  access: publishedFileAccess(),
  hooks: publishedFileHooks(imageProblems, detectImage, () => settings.imageMaxBytes),
  upload: {
    staticDir: path.join(settings.mediaDir, 'images'),
    modifyResponseHeaders: inertFileHeaders,
    // No "paste a URL": the server would fetch any address for an editor and hand back its
    // bytes with the remote type; files come from the editor's own computer.
    pasteURL: false,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
    // Re-encoding the original through sharp drops EXIF, including GPS positions.
    resizeOptions: { width: 2560, height: 2560, fit: 'inside', withoutEnlargement: true },
    withMetadata: false,
    imageSizes: [
      {
        name: 'thumb',
        width: 320,
        height: 213,
        position: 'centre',
        formatOptions: { format: 'webp', options: { quality: 78 } },
      },
      { name: 'card', width: 720, formatOptions: { format: 'webp', options: { quality: 80 } } },
      {
        name: 'large',
        width: 1440,
        withoutEnlargement: true,
        formatOptions: { format: 'webp', options: { quality: 82 } },
      },
    ],
    adminThumbnail: 'thumb',
    focalPoint: false,
    crop: false,
  },
  fields: [
    siteField('upload'),
    {
      name: 'alt',
      label: '替代文本',
      type: 'text',
      required: true,
      admin: { description: '描述图片内容，供读屏软件朗读' },
    },
    { name: 'caption', label: '图片说明', type: 'text' },
  ],
}

export const Attachments: CollectionConfig = {
  slug: ATTACHMENTS,
  labels: { singular: '附件', plural: '附件' },
  admin: { useAsTitle: 'title', group: '内容' },
  access: publishedFileAccess(),
  hooks: publishedFileHooks(
    attachmentProblems,
    detectAttachment,
    () => settings.attachmentMaxBytes,
  ),
  upload: {
    staticDir: path.join(settings.mediaDir, 'files'),
    modifyResponseHeaders: inertFileHeaders,
    pasteURL: false,
    // Content is checked by checkFile; Payload's own check is told the same types.
    mimeTypes: [
      ...DOCUMENT_TYPES,
      'application/vnd.ms-excel',
      'application/x-cfb',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/octet-stream',
    ],
  },
  fields: [siteField('upload'), { name: 'title', label: '附件名称', type: 'text', required: true }],
}

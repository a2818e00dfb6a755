import path from 'node:path'

import { APIError, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'

import { attachmentProblems, imageProblems } from '../src/domain/uploads'
import { settings } from '../src/settings'
import { anyone, createOnOwnSites, writeOnOwnSites } from './access'
import { siteField } from './fields'
import { ATTACHMENTS, MEDIA } from './slugs'

type Checker = typeof attachmentProblems

/** Refuse a file by its content and size before Payload stores anything. */
const checkFile =
  (problems: Checker, maxBytes: () => number): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const file = req.file
    if (!file) return args
    const found = problems({
      bytes: file.data,
      size: file.size ?? file.data.length,
      maxBytes: maxBytes(),
    })
    if (found.length) throw new APIError(found.join('；'), 400, null, true)
    return args
  }

export const Media: CollectionConfig = {
  slug: MEDIA,
  labels: { singular: '图片', plural: '图片' },
  admin: { useAsTitle: 'alt', group: '内容' },
  access: {
    read: anyone,
    create: createOnOwnSites('upload'),
    update: writeOnOwnSites('upload'),
    delete: writeOnOwnSites('uploadDelete'),
  },
  hooks: { beforeOperation: [checkFile(imageProblems, () => settings.imageMaxBytes)] },
  upload: {
    staticDir: path.join(settings.mediaDir, 'images'),
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
  access: {
    read: anyone,
    create: createOnOwnSites('upload'),
    update: writeOnOwnSites('upload'),
    delete: writeOnOwnSites('uploadDelete'),
  },
  hooks: { beforeOperation: [checkFile(attachmentProblems, () => settings.attachmentMaxBytes)] },
  upload: {
    staticDir: path.join(settings.mediaDir, 'files'),
    // Content is checked by checkFile; Payload's own check is told the same types.
    mimeTypes: [
      'application/pdf',
      'application/ofd',
      'application/zip',
      'application/msword',
      'application/vnd.ms-excel',
      'application/x-cfb',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/octet-stream',
    ],
  },
  fields: [siteField('upload'), { name: 'title', label: '附件名称', type: 'text', required: true }],
}

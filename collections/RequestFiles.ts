// The applicants' and handlers' files of disclosure requests: private, served only to the site's staff.
import path from 'node:path'

import { APIError, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'

import { requestAttachmentKind, requestAttachmentProblems } from '../src/domain/request-form'
import { settings } from '../src/settings'
import { createOnOwnSites, nobody } from './access'
import { requestReaders } from './DisclosureRequests/access'
import { auditPersonalDataView } from './DisclosureRequests/hooks'
import { siteField } from './fields'
import { REQUEST_FILES } from './slugs'
import {
  DOCUMENT_TYPES,
  inertFileHeaders,
  keepNameOfContent,
  nameByContent,
  unreadableUploadIs400,
} from './Uploads'

const refuse = (message: string) => new APIError(message, 400, null, true)

/** The applicant's and the handler's files: the form's rule (src/domain/request-form.ts). */
const checkRequestFile: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  const found = requestAttachmentProblems({
    bytes: file.data,
    size: file.size ?? file.data.length,
    maxBytes: settings.requestFileMaxBytes,
  })
  if (found.length) throw refuse(found.join('；'))
  const kind = requestAttachmentKind(file.data)
  if (kind) nameByContent(file, kind)
  return args
}

export const RequestFiles: CollectionConfig = {
  slug: REQUEST_FILES,
  labels: { singular: '申请材料', plural: '申请材料' },
  admin: { useAsTitle: 'filename', group: '互动', hidden: ({ user }) => !user },
  access: {
    read: requestReaders,
    create: createOnOwnSites('request'),
    update: nobody,
    delete: nobody,
  },
  hooks: {
    beforeOperation: [checkRequestFile],
    beforeValidate: [keepNameOfContent(requestAttachmentKind)],
    afterRead: [auditPersonalDataView(REQUEST_FILES)],
    afterError: [unreadableUploadIs400],
  },
  upload: {
    // Not under the public file routes: served only through the API, to staff of the site.
    staticDir: path.join(settings.mediaDir, 'private', 'requests'),
    modifyResponseHeaders: inertFileHeaders,
    pasteURL: false,
    mimeTypes: [
      ...DOCUMENT_TYPES,
      'application/x-cfb',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/octet-stream',
      'image/jpeg',
      'image/png',
    ],
  },
  fields: [siteField('request'), { name: 'purpose', label: '用途', type: 'text' }],
}

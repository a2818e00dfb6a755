// Decides whether a 依申请公开 request form is complete and well formed, field by field, in
// sentences an applicant can act on; and which attachments the form accepts, by their bytes.
import { z } from 'zod'

import {
  APPLICANT_KIND_LABELS,
  APPLICANT_KINDS,
  type ApplicantKind,
  isOrganisation,
} from './disclosure'
import { creditCodeProblems, isMobile, maskEmail, maskPhone, residentIdProblems } from './identity'
import { detectAttachment, detectImage } from './uploads'

export const FORMS_WANTED = ['paper', 'electronic'] as const
export type FormWanted = (typeof FORMS_WANTED)[number]
export const FORM_WANTED_LABELS: Record<FormWanted, string> = { paper: '纸质', electronic: '电子' }

export const DELIVERIES = ['post', 'email', 'pickup', 'online'] as const
export type Delivery = (typeof DELIVERIES)[number]
export const DELIVERY_LABELS: Record<Delivery, string> = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '当面领取',
  online: '网上获取',
}

/** The form's fields in page order, with the label each has on the page. */
export const REQUEST_FORM_FIELDS = {
  applicantKind: '申请人类型',
  name: '姓名',
  idNumber: '身份证号码',
  orgName: '单位名称',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人或负责人',
  contactPerson: '联系人',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  postcode: '邮政编码',
  description: '所需信息的内容描述',
  documentRef: '所需信息的名称或文号',
  formWanted: '获取信息的载体形式',
  delivery: '获取信息的方式',
  declaration: '声明',
} as const
export type RequestFormField = keyof typeof REQUEST_FORM_FIELDS

/** What the form posted, as strings (a checkbox is 'on' or absent). */
export type RawRequestForm = Partial<Record<RequestFormField, string>>

/** A valid request, in the fields of the disclosure-requests collection. */
export type RequestFormValue = {
  applicantKind: ApplicantKind
  /** The person's or the organisation's name. */
  applicantName: string
  idType: 'resident-id' | 'credit-code'
  idNumber: string
  legalRepresentative?: string
  contactPerson?: string
  phone: string
  email?: string
  address?: string
  postcode?: string
  description: string
  documentRef?: string
  formWanted: FormWanted
  delivery: Delivery
}

export type RequestFormResult =
  | { ok: true; value: RequestFormValue }
  | { ok: false; errors: Partial<Record<RequestFormField, string>> }

export const DESCRIPTION_MIN = 10
export const DESCRIPTION_MAX = 2000
const LIMITS: Partial<Record<RequestFormField, number>> = {
  name: 50,
  orgName: 100,
  legalRepresentative: 50,
  contactPerson: 50,
  email: 254,
  address: 200,
  documentRef: 200,
}

/** Characters as people count them (a CJK character or an emoji is one). */
const length = (s: string) => [...s].length

const text = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : ''),
  z.string(),
)
const shape = z.object(
  Object.fromEntries(Object.keys(REQUEST_FORM_FIELDS).map((k) => [k, text])) as Record<
    RequestFormField,
    typeof text
  >,
)

// A landline with its area code (0 and 2–3 digits), 7–8 digits, an optional extension.
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/
// The pattern Payload's email field checks, so a form that passes here is stored.
const EMAIL =
  /^(?!.*\.\.)[\w!#$%&'*+/=?^`{|}~-](?:[\w!#$%&'*+/=?^`{|}~.-]*[\w!#$%&'*+/=?^`{|}~-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i
const POSTCODE = /^\d{6}$/

export const isPhoneNumber = (value: string): boolean =>
  isMobile(value) || LANDLINE.test(value.replace(/[\s()（）]/g, ''))

/**
 * Checks a posted form: every wrong field gets one sentence naming what to fix. `today`
 * (YYYY-MM-DD, Beijing) refuses birth dates in the future.
 */
export function parseRequestForm(
  raw: RawRequestForm,
  { today }: { today: string },
): RequestFormResult {
  const f = shape.parse(raw)
  const errors: Partial<Record<RequestFormField, string>> = {}
  const fail = (field: RequestFormField, message: string) => {
    errors[field] ??= message
  }
  const required = (field: RequestFormField, message: string) => {
    if (!f[field]) fail(field, message)
  }

  const kind = (APPLICANT_KINDS as readonly string[]).includes(f.applicantKind)
    ? (f.applicantKind as ApplicantKind)
    : null
  if (!kind) fail('applicantKind', '请选择申请人类型（自然人或法人、其他组织的类别）')

  const organisation = kind != null && isOrganisation(kind)
  if (kind && !organisation) {
    required('name', '请填写申请人姓名')
    const problems = residentIdProblems(f.idNumber, { today })
    if (problems.length) fail('idNumber', problems.join('；'))
  }
  if (organisation) {
    required('orgName', '请填写单位名称')
    const problems = creditCodeProblems(f.creditCode)
    if (problems.length) fail('creditCode', problems.join('；'))
    required('legalRepresentative', '请填写法定代表人或负责人姓名')
    required('contactPerson', '请填写联系人姓名')
  }

  if (!f.phone) fail('phone', '请填写联系电话')
  else if (!isPhoneNumber(f.phone)) {
    fail('phone', '联系电话格式不正确：请填写 11 位手机号码，或带区号的固定电话（如 028-12345678）')
  }

  const delivery = (DELIVERIES as readonly string[]).includes(f.delivery)
    ? (f.delivery as Delivery)
    : null
  if (f.email && !EMAIL.test(f.email))
    fail('email', '电子邮箱格式不正确，请按 name@example.com 的格式填写')
  if (delivery === 'email') required('email', '选择“电子邮件”方式获取信息时，须填写电子邮箱')
  if (delivery === 'post') required('address', '选择“邮寄”方式获取信息时，须填写通信地址')
  if (f.postcode && !POSTCODE.test(f.postcode)) fail('postcode', '邮政编码应为 6 位数字')

  const described = length(f.description)
  if (!described) fail('description', '请填写所需政府信息的内容描述')
  else if (described < DESCRIPTION_MIN) {
    fail(
      'description',
      `内容描述至少 ${DESCRIPTION_MIN} 个字，请写明所需信息的名称、文号、时间或其他特征，以便查找`,
    )
  } else if (described > DESCRIPTION_MAX) {
    fail('description', `内容描述不能超过 ${DESCRIPTION_MAX} 个字，现为 ${described} 个字`)
  }

  for (const [field, max] of Object.entries(LIMITS) as [RequestFormField, number][]) {
    const n = length(f[field])
    if (n > max) fail(field, `${REQUEST_FORM_FIELDS[field]}不能超过 ${max} 个字，现为 ${n} 个字`)
  }

  const formWanted = (FORMS_WANTED as readonly string[]).includes(f.formWanted)
    ? (f.formWanted as FormWanted)
    : null
  if (!formWanted) fail('formWanted', '请选择获取信息的载体形式（纸质或电子）')
  if (!delivery) fail('delivery', '请选择获取信息的方式')
  if (!f.declaration) fail('declaration', '请勾选声明，确认所填信息真实、准确')

  if (Object.keys(errors).length || !kind || !formWanted || !delivery) {
    return { ok: false, errors: ordered(errors) }
  }
  const optional = (v: string) => v || undefined
  return {
    ok: true,
    value: {
      applicantKind: kind,
      applicantName: organisation ? f.orgName : f.name,
      idType: organisation ? 'credit-code' : 'resident-id',
      idNumber: (organisation ? f.creditCode : f.idNumber).toUpperCase(),
      legalRepresentative: organisation ? f.legalRepresentative : undefined,
      contactPerson: organisation ? f.contactPerson : undefined,
      phone: f.phone,
      email: optional(f.email),
      address: optional(f.address),
      postcode: optional(f.postcode),
      description: f.description,
      documentRef: optional(f.documentRef),
      formWanted,
      delivery,
    },
  }
}

/** Errors in the order the fields stand on the page, so the summary reads top to bottom. */
function ordered(
  errors: Partial<Record<RequestFormField, string>>,
): Partial<Record<RequestFormField, string>> {
  const out: Partial<Record<RequestFormField, string>> = {}
  for (const field of Object.keys(REQUEST_FORM_FIELDS) as RequestFormField[]) {
    if (errors[field]) out[field] = errors[field]
  }
  return out
}

export const applicantKindOptions = () =>
  APPLICANT_KINDS.map((value) => ({ value, label: APPLICANT_KIND_LABELS[value] }))

/** What kinds of file the form accepts (条例第二十九条: the request and its supporting papers). */
export type RequestAttachmentKind = 'pdf' | 'ofd' | 'doc' | 'docx' | 'jpeg' | 'png'

export const REQUEST_ATTACHMENT_TYPES: Record<
  RequestAttachmentKind,
  { mimetype: string; ext: string }
> = {
  pdf: { mimetype: 'application/pdf', ext: 'pdf' },
  ofd: { mimetype: 'application/ofd', ext: 'ofd' },
  doc: { mimetype: 'application/msword', ext: 'doc' },
  docx: {
    mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
  },
  jpeg: { mimetype: 'image/jpeg', ext: 'jpg' },
  png: { mimetype: 'image/png', ext: 'png' },
}

export const REQUEST_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024

/** The kind of an attachment by its bytes, or null when the form does not take it. */
export function requestAttachmentKind(bytes: Uint8Array): RequestAttachmentKind | null {
  const doc = detectAttachment(bytes)
  if (doc === 'pdf' || doc === 'ofd' || doc === 'doc' || doc === 'docx') return doc
  const image = detectImage(bytes)
  if (image === 'jpeg' || image === 'png') return image
  return null
}

/** Sentences refusing the attachment, or none. */
export function requestAttachmentProblems({
  bytes,
  size,
  maxBytes = REQUEST_ATTACHMENT_MAX_BYTES,
}: {
  bytes: Uint8Array
  size: number
  maxBytes?: number
}): string[] {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
  if (size > maxBytes) {
    return [`附件大小为 ${mb(size)}，超过了 ${mb(maxBytes)} 的上限，请压缩或分页后重新选择`]
  }
  if (size === 0) return ['所选附件是空文件，请重新选择']
  const kind = requestAttachmentKind(bytes)
  if (!kind) {
    return [
      '附件只接受 PDF、OFD、Word（DOC/DOCX）文件和 JPG、PNG 图片；所选文件的内容不属于这些格式（与文件扩展名无关）',
    ]
  }
  if (kind === 'pdf' && !isCompletePdf(bytes)) {
    return ['所选 PDF 文件不完整或已损坏，请重新导出或扫描后再选择']
  }
  return []
}

/**
 * A PDF that starts with its header and ends with its cross-reference table and %%EOF — what
 * Payload's upload check demands, asked here first so the applicant gets a sentence, not a 500.
 */
export function isCompletePdf(bytes: Uint8Array): boolean {
  const latin1 = (from: number, to: number) =>
    Buffer.from(bytes.subarray(from, to)).toString('latin1')
  if (!latin1(0, 8).startsWith('%PDF-')) return false
  const end = latin1(Math.max(0, bytes.length - 1024), bytes.length)
  return end.includes('%%EOF') && end.includes('xref')
}

/**
 * How the answer will reach the applicant, for the receipt page: the delivery method and the
 * contact masked (the page is shown once, but may be left open on a shared screen).
 */
export function receiptDelivery(value: Pick<RequestFormValue, 'delivery' | 'email' | 'phone'>): {
  delivery: string
  contact: string
} {
  return {
    delivery: DELIVERY_LABELS[value.delivery],
    contact:
      value.delivery === 'email' && value.email ? maskEmail(value.email) : maskPhone(value.phone),
  }
}

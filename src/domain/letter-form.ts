// Decides whether a letter to a leader mailbox (写信) is complete and well formed, field by field,
// in sentences the writer can act on; and which attachments a letter takes (images and PDF, by
// their bytes).
import { isMobile } from './identity'
import { isCompletePdf } from './request-form'
import { detectAttachment, detectImage } from './uploads'
import { LETTER_CATEGORIES, LETTER_CATEGORY_LABELS, type LetterCategory } from './letters'

/** The form's fields in page order, with the label each has on the page. */
export const LETTER_FORM_FIELDS = {
  subject: '来信标题',
  category: '来信类别',
  content: '来信内容',
  name: '姓名',
  title: '称呼',
  phone: '手机号码',
  email: '电子邮箱',
  consentPersonalData: '个人信息使用同意',
  consentPublish: '公开同意',
} as const
export type LetterFormField = keyof typeof LETTER_FORM_FIELDS

export type RawLetterForm = Partial<Record<LetterFormField, string>>

export const WRITER_TITLES = ['mr', 'ms', 'none'] as const
export type WriterTitle = (typeof WRITER_TITLES)[number]
export const WRITER_TITLE_LABELS: Record<WriterTitle, string> = {
  mr: '先生',
  ms: '女士',
  none: '不公开称呼',
}

export type LetterFormValue = {
  subject: string
  category: LetterCategory
  content: string
  writerName: string
  writerTitle: WriterTitle
  phone: string
  email?: string
  consentPublish: boolean
  consentPersonalData: true
}

export type LetterFormResult =
  | { ok: true; value: LetterFormValue }
  | { ok: false; errors: Partial<Record<LetterFormField, string>> }

export const SUBJECT_MAX = 50
export const CONTENT_MIN = 10
export const CONTENT_MAX = 2000
const NAME_MAX = 30
const EMAIL_MAX = 254
// The pattern Payload's email field checks, so a form that passes here is stored.
export const EMAIL =
  /^(?!.*\.\.)[\w!#$%&'*+/=?^`{|}~-](?:[\w!#$%&'*+/=?^`{|}~.-]*[\w!#$%&'*+/=?^`{|}~-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i

/** Characters as people count them (a CJK character or an emoji is one). */
const length = (s: string) => [...s].length
const clean = (v: string | undefined) => (v ?? '').replace(/\r\n?/g, '\n').trim()

/** Checks a posted letter: every wrong field gets one sentence naming what to fix. */
export function parseLetterForm(raw: RawLetterForm): LetterFormResult {
  const f = Object.fromEntries(
    (Object.keys(LETTER_FORM_FIELDS) as LetterFormField[]).map((k) => [k, clean(raw[k])]),
  ) as Record<LetterFormField, string>
  const errors: Partial<Record<LetterFormField, string>> = {}
  const fail = (field: LetterFormField, message: string) => {
    errors[field] ??= message
  }

  if (!f.subject) fail('subject', '请填写来信标题')
  else if (length(f.subject) > SUBJECT_MAX)
    fail('subject', `来信标题不能超过 ${SUBJECT_MAX} 个字，现为 ${length(f.subject)} 个字`)

  const category = (LETTER_CATEGORIES as readonly string[]).includes(f.category)
    ? (f.category as LetterCategory)
    : null
  if (!category)
    fail(
      'category',
      `请选择来信类别（${LETTER_CATEGORIES.map((c) => LETTER_CATEGORY_LABELS[c]).join('、')}）`,
    )

  const n = length(f.content)
  if (!n) fail('content', '请填写来信内容')
  else if (n < CONTENT_MIN)
    fail('content', `来信内容至少 ${CONTENT_MIN} 个字，请写明事情的经过、地点和您的诉求`)
  else if (n > CONTENT_MAX)
    fail('content', `来信内容不能超过 ${CONTENT_MAX} 个字，现为 ${n} 个字，请精简或分次来信`)

  if (!f.name) fail('name', '请填写您的姓名（不会公开，公开时只显示姓氏和称呼）')
  else if (length(f.name) > NAME_MAX) fail('name', `姓名不能超过 ${NAME_MAX} 个字`)

  const title = (WRITER_TITLES as readonly string[]).includes(f.title)
    ? (f.title as WriterTitle)
    : 'none'

  if (!f.phone) fail('phone', '请填写手机号码，以便办理人员联系您')
  else if (!isMobile(f.phone))
    fail('phone', '手机号码格式不正确：请填写 11 位手机号码，如 13812345678')

  if (f.email && (length(f.email) > EMAIL_MAX || !EMAIL.test(f.email)))
    fail('email', '电子邮箱格式不正确，请按 name@example.com 的格式填写，或不填')

  if (!f.consentPersonalData)
    fail(
      'consentPersonalData',
      '请勾选同意：办理来信需要使用您的姓名和联系方式（仅用于办理本来信，不会公开）',
    )

  if (Object.keys(errors).length || !category) return { ok: false, errors: ordered(errors) }
  return {
    ok: true,
    value: {
      subject: f.subject,
      category,
      content: f.content,
      writerName: f.name,
      writerTitle: title,
      phone: f.phone.replace(/[\s-]/g, ''),
      email: f.email || undefined,
      consentPublish: Boolean(f.consentPublish),
      consentPersonalData: true,
    },
  }
}

function ordered(
  errors: Partial<Record<LetterFormField, string>>,
): Partial<Record<LetterFormField, string>> {
  const out: Partial<Record<LetterFormField, string>> = {}
  for (const field of Object.keys(LETTER_FORM_FIELDS) as LetterFormField[])
    if (errors[field]) out[field] = errors[field]
  return out
}

// ---------------------------------------------------------------- attachments

export type LetterAttachmentKind = 'pdf' | 'jpeg' | 'png'
export const LETTER_ATTACHMENT_TYPES: Record<
  LetterAttachmentKind,
  { mimetype: string; ext: string }
> = {
  pdf: { mimetype: 'application/pdf', ext: 'pdf' },
  jpeg: { mimetype: 'image/jpeg', ext: 'jpg' },
  png: { mimetype: 'image/png', ext: 'png' },
}
/** At most this many files with one letter. */
export const LETTER_ATTACHMENTS_MAX = 3

export function letterAttachmentKind(bytes: Uint8Array): LetterAttachmentKind | null {
  if (detectAttachment(bytes) === 'pdf') return 'pdf'
  const image = detectImage(bytes)
  return image === 'jpeg' || image === 'png' ? image : null
}

/** Sentences refusing one attachment, or none. */
export function letterAttachmentProblems({
  name,
  bytes,
  size,
  maxBytes,
}: {
  name: string
  bytes: Uint8Array
  size: number
  maxBytes: number
}): string[] {
  const mb = (v: number) => `${(v / 1024 / 1024).toFixed(1)} MB`
  const which = name ? `“${name}”` : '所选文件'
  if (size > maxBytes) return [`${which}大小为 ${mb(size)}，超过了 ${mb(maxBytes)} 的上限`]
  if (size === 0) return [`${which}是空文件`]
  const kind = letterAttachmentKind(bytes)
  if (!kind) return [`${which}不是 JPG、PNG 图片或 PDF 文件（按文件内容判断，与扩展名无关）`]
  if (kind === 'pdf' && !isCompletePdf(bytes)) return [`${which}是不完整或已损坏的 PDF 文件`]
  return []
}

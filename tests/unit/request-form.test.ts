import { describe, expect, it } from 'vitest'

import {
  isPhoneNumber,
  parseRequestForm,
  type RawRequestForm,
  receiptDelivery,
  requestAttachmentKind,
  requestAttachmentProblems,
} from '../../src/domain/request-form'
import { doc, docx, ofd, xlsx } from '../helpers/zip'

// Made-up numbers whose check characters are computed here, independently of the module.
const idCheck = (first17: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11)
  return '10X98765432'[sum % 11]
}
const ID = (() => {
  const first17 = '11010519900307123'
  return first17 + idCheck(first17)
})()
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const creditCode = (() => {
  const body8 = 'MA1B2C3D'
  const w = [3, 7, 9, 10, 5, 8, 4, 2]
  const c = 11 - ([...body8].reduce((s, ch, i) => s + parseInt(ch, 36) * w[i], 0) % 11)
  const first17 =
    `913101${'15'}`.slice(0, 8) + body8 + (c === 10 ? 'X' : c === 11 ? '0' : String(c))
  let sum = 0
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * (3 ** i % 31)
  return first17 + ALPHABET[(31 - (sum % 31)) % 31]
})()

const TODAY = '2026-12-02'
const person: RawRequestForm = {
  applicantKind: 'natural-person',
  name: '张三',
  idNumber: ID,
  phone: '13812345678',
  email: '',
  address: '',
  postcode: '',
  description: '请提供青川市2025年度城市道路维修工程的招标文件及中标结果。',
  documentRef: '',
  formWanted: 'electronic',
  delivery: 'online',
  declaration: 'on',
}
const organisation: RawRequestForm = {
  ...person,
  applicantKind: 'research-institution',
  name: '',
  idNumber: '',
  orgName: '青川市城市规划研究院',
  creditCode,
  legalRepresentative: '李四',
  contactPerson: '王五',
}
const parse = (raw: RawRequestForm) => parseRequestForm(raw, { today: TODAY })
const errorsOf = (raw: RawRequestForm) => {
  const r = parse(raw)
  if (r.ok) throw new Error('expected errors')
  return r.errors
}

describe('the request form', () => {
  it('accepts a natural person’s complete request and maps it onto the request fields', () => {
    const r = parse({ ...person, name: ' 张三 ', idNumber: ID.toLowerCase() })
    expect(r).toEqual({
      ok: true,
      value: {
        applicantKind: 'natural-person',
        applicantName: '张三',
        idType: 'resident-id',
        idNumber: ID.toUpperCase(),
        legalRepresentative: undefined,
        contactPerson: undefined,
        phone: '13812345678',
        email: undefined,
        address: undefined,
        postcode: undefined,
        description: person.description,
        documentRef: undefined,
        formWanted: 'electronic',
        delivery: 'online',
      },
    })
  })

  it('accepts an organisation with its credit code, representative and contact person', () => {
    const r = parse(organisation)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toMatchObject({
      applicantKind: 'research-institution',
      applicantName: '青川市城市规划研究院',
      idType: 'credit-code',
      idNumber: creditCode,
      legalRepresentative: '李四',
      contactPerson: '王五',
    })
  })

  it('ignores the person fields of an organisation and the organisation fields of a person', () => {
    expect(parse({ ...organisation, idNumber: '123' }).ok).toBe(true)
    expect(parse({ ...person, creditCode: 'nonsense' }).ok).toBe(true)
  })

  it('names every missing field of an empty form, in page order', () => {
    expect(errorsOf({})).toEqual({
      applicantKind: '请选择申请人类型（自然人或法人、其他组织的类别）',
      phone: '请填写联系电话',
      description: '请填写所需政府信息的内容描述',
      formWanted: '请选择获取信息的载体形式（纸质或电子）',
      delivery: '请选择获取信息的方式',
      declaration: '请勾选声明，确认所填信息真实、准确',
    })
  })

  it('names the missing person fields once the kind is chosen', () => {
    expect(errorsOf({ ...person, name: '', idNumber: '' })).toEqual({
      name: '请填写申请人姓名',
      idNumber: '请填写身份证号码',
    })
  })

  it('names the missing organisation fields once the kind is chosen', () => {
    expect(
      errorsOf({
        ...organisation,
        orgName: '',
        creditCode: '',
        legalRepresentative: '',
        contactPerson: '',
      }),
    ).toEqual({
      orgName: '请填写单位名称',
      creditCode: '请填写统一社会信用代码',
      legalRepresentative: '请填写法定代表人或负责人姓名',
      contactPerson: '请填写联系人姓名',
    })
  })

  it.each([
    [ID.slice(0, 17) + (ID.endsWith('1') ? '2' : '1'), '身份证号码校验位不正确，请核对后重新填写'],
    ['1101051990030712', '身份证号码应为 18 位，现为 16 位'],
    ['11010519900230123X', '身份证号码中的出生日期 19900230 不是有效日期'],
  ])('refuses the resident ID %s with “%s”', (idNumber, message) => {
    expect(errorsOf({ ...person, idNumber }).idNumber).toContain(message)
  })

  it('refuses a birth date after today', () => {
    const first17 = '11010520270101123'
    expect(errorsOf({ ...person, idNumber: first17 + idCheck(first17) }).idNumber).toBe(
      '身份证号码中的出生日期 20270101 晚于今天',
    )
  })

  it('refuses a credit code with a wrong check character', () => {
    const wrong = creditCode.slice(0, 17) + (creditCode.endsWith('1') ? '2' : '1')
    expect(errorsOf({ ...organisation, creditCode: wrong }).creditCode).toBe(
      '统一社会信用代码校验位不正确，请核对后重新填写',
    )
  })

  it.each(['13812345678', '+86 138 1234 5678', '028-12345678', '(028)12345678', '0813-1234567-88'])(
    'takes %s as a phone number',
    (phone) => {
      expect(isPhoneNumber(phone)).toBe(true)
      expect(parse({ ...person, phone }).ok).toBe(true)
    },
  )

  it.each(['12345', '1381234567', '28-12345678', 'abc'])(
    'refuses %s as a phone number',
    (phone) => {
      expect(errorsOf({ ...person, phone }).phone).toBe(
        '联系电话格式不正确：请填写 11 位手机号码，或带区号的固定电话（如 028-12345678）',
      )
    },
  )

  it('needs an e-mail address for delivery by e-mail, and a valid one whenever given', () => {
    expect(errorsOf({ ...person, delivery: 'email' }).email).toBe(
      '选择“电子邮件”方式获取信息时，须填写电子邮箱',
    )
    expect(errorsOf({ ...person, email: 'zhang@' }).email).toBe(
      '电子邮箱格式不正确，请按 name@example.com 的格式填写',
    )
    expect(parse({ ...person, delivery: 'email', email: 'zhang.san@example.cn' }).ok).toBe(true)
  })

  it('needs an address for delivery by post, and a 6-digit postcode when one is given', () => {
    expect(errorsOf({ ...person, delivery: 'post' }).address).toBe(
      '选择“邮寄”方式获取信息时，须填写通信地址',
    )
    expect(errorsOf({ ...person, postcode: '61000' }).postcode).toBe('邮政编码应为 6 位数字')
    expect(
      parse({ ...person, delivery: 'post', address: '青川市人民路 1 号', postcode: '610000' }).ok,
    ).toBe(true)
  })

  it('counts the description in characters: 10 to 2000', () => {
    expect(errorsOf({ ...person, description: '要文件' }).description).toBe(
      '内容描述至少 10 个字，请写明所需信息的名称、文号、时间或其他特征，以便查找',
    )
    expect(parse({ ...person, description: '一二三四五六七八九十' }).ok).toBe(true)
    expect(parse({ ...person, description: '字'.repeat(2000) }).ok).toBe(true)
    expect(errorsOf({ ...person, description: '字'.repeat(2001) }).description).toBe(
      '内容描述不能超过 2000 个字，现为 2001 个字',
    )
  })

  it('refuses values outside the lists', () => {
    const errors = errorsOf({ ...person, applicantKind: 'robot', formWanted: 'fax', delivery: 'x' })
    expect(Object.keys(errors)).toEqual(['applicantKind', 'formWanted', 'delivery'])
  })

  it('limits the length of names and addresses', () => {
    expect(errorsOf({ ...person, name: '张'.repeat(51) }).name).toBe(
      '姓名不能超过 50 个字，现为 51 个字',
    )
  })
})

describe('the request form’s attachment', () => {
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\nxref\n0 1\ntrailer\n<<>>\n%%EOF\n')
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)])
  it.each([
    ['pdf', pdf],
    ['png', png],
    ['jpeg', jpeg],
    ['docx', docx()],
    ['doc', doc()],
    ['ofd', ofd()],
  ] as const)('accepts a %s by its bytes', (kind, bytes) => {
    expect(requestAttachmentKind(bytes)).toBe(kind)
    expect(requestAttachmentProblems({ bytes, size: bytes.length })).toEqual([])
  })

  it('refuses a program renamed .pdf, and a spreadsheet', () => {
    const message =
      '附件只接受 PDF、OFD、Word（DOC/DOCX）文件和 JPG、PNG 图片；所选文件的内容不属于这些格式（与文件扩展名无关）'
    expect(requestAttachmentProblems({ bytes: exe, size: exe.length })).toEqual([message])
    const sheet = xlsx()
    expect(requestAttachmentProblems({ bytes: sheet, size: sheet.length })).toEqual([message])
  })

  it('refuses a PDF cut short (no cross-reference table or end marker)', () => {
    const cut = pdf.subarray(0, 20)
    expect(requestAttachmentProblems({ bytes: cut, size: cut.length })).toEqual([
      '所选 PDF 文件不完整或已损坏，请重新导出或扫描后再选择',
    ])
  })

  it('refuses a file over the limit and an empty file', () => {
    expect(
      requestAttachmentProblems({ bytes: pdf, size: 6 * 1024 * 1024, maxBytes: 5 * 1024 * 1024 }),
    ).toEqual(['附件大小为 6.0 MB，超过了 5.0 MB 的上限，请压缩或分页后重新选择'])
    expect(requestAttachmentProblems({ bytes: Buffer.alloc(0), size: 0 })).toEqual([
      '所选附件是空文件，请重新选择',
    ])
  })
})

describe('the receipt', () => {
  it('shows the contact for the reply masked', () => {
    expect(
      receiptDelivery({ delivery: 'email', email: 'zhang.san@example.cn', phone: '13812345678' }),
    ).toEqual({ delivery: '电子邮件', contact: 'z***@example.cn' })
    expect(receiptDelivery({ delivery: 'post', phone: '13812345678' })).toEqual({
      delivery: '邮寄',
      contact: '138****5678',
    })
  })
})

import { describe, expect, it } from 'vitest'

import {
  creditCodeProblems,
  isMobile,
  maskEmail,
  maskPhone,
  maskResidentId,
  residentIdProblems,
} from '../../src/domain/identity'

// Test numbers are made up and their check characters computed here, independently of the
// module: no real person's or organisation's number appears in this file.
const idCheck = (first17: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11)
  return '10X98765432'[sum % 11]
}
const id = (first17: string) => first17 + idCheck(first17)
const wrongLast = (value: string) => value.slice(0, -1) + (value.endsWith('1') ? '2' : '1')

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const orgCheck = (first8: string): string => {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2]
  const value = (c: string) => parseInt(c, 36)
  const c = 11 - ([...first8].reduce((s, ch, i) => s + value(ch) * weights[i], 0) % 11)
  return c === 10 ? 'X' : c === 11 ? '0' : String(c)
}
const creditCheck = (first17: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * (3 ** i % 31)
  return ALPHABET[(31 - (sum % 31)) % 31]
}
/** A credit code from its registrar, class, region and organisation-code body. */
const credit = (head: string, body8: string, org = orgCheck(body8)) => {
  const first17 = head + body8 + org
  return first17 + creditCheck(first17)
}

// An ID whose check character is X, found by trying sequence numbers.
const withX = (() => {
  for (let seq = 100; seq < 1000; seq++) {
    const first17 = `35010219900101${seq}`
    if (idCheck(first17) === 'X') return first17 + 'X'
  }
  throw new Error('no X found')
})()

describe('resident ID numbers (GB 11643)', () => {
  it.each([
    id('11010519900307123'),
    id('35010219851231002'),
    id('44030520000229456'),
    id('65010219491001789'),
    id('81000019800101001'),
    withX,
    withX.toLowerCase(),
    ` ${id('32010619991111222')} `,
  ])('accepts %s', (value) => {
    expect(residentIdProblems(value)).toEqual([])
  })

  it.each([
    ['', ['请填写身份证号码']],
    ['11010519900307123', ['身份证号码应为 18 位，现为 17 位']],
    ['1101051990030712345', ['身份证号码应为 18 位，现为 19 位']],
    ['11010519900307A234', ['身份证号码前 17 位应为数字，最后一位为数字或 X']],
    ['11010519900307123Y', ['身份证号码前 17 位应为数字，最后一位为数字或 X']],
    [id('99010519900307123'), ['身份证号码前 6 位不是有效的行政区划代码']],
    [id('11000019900307123'), ['身份证号码前 6 位不是有效的行政区划代码']],
    [id('11010519900230123'), ['身份证号码中的出生日期 19900230 不是有效日期']],
    [id('11010518991231123'), ['身份证号码中的出生日期 18991231 不是有效日期']],
    [id('11010519901301123'), ['身份证号码中的出生日期 19901301 不是有效日期']],
    [wrongLast(id('11010519900307123')), ['身份证号码校验位不正确，请核对后重新填写']],
  ])('refuses %j', (value, problems) => {
    expect(residentIdProblems(value)).toEqual(problems)
  })

  it('lists every problem of a number with several', () => {
    expect(residentIdProblems(wrongLast(id('99010519900230123')))).toEqual([
      '身份证号码前 6 位不是有效的行政区划代码',
      '身份证号码中的出生日期 19900230 不是有效日期',
      '身份证号码校验位不正确，请核对后重新填写',
    ])
  })

  it('refuses a birth date after the day given as today, and only when one is given', () => {
    const value = id('11010520261231123')
    expect(residentIdProblems(value)).toEqual([])
    expect(residentIdProblems(value, { today: '2026-11-22' })).toEqual([
      '身份证号码中的出生日期 20261231 晚于今天',
    ])
  })
})

describe('unified social credit codes (GB 32100-2015)', () => {
  it.each([
    credit('91350100', 'M0001000'),
    credit('11110000', '00001234'),
    credit('52440300', 'MJ000001'),
    credit('Y1320100', '12345678'),
    credit('31110000', '40000001').toLowerCase(),
  ])('accepts %s', (value) => {
    expect(creditCodeProblems(value)).toEqual([])
  })

  it('accepts an organisation code whose check character is X', () => {
    const body = ['D2143569', 'A0000001', 'B0000002', 'C0000003'].find((b) => orgCheck(b) === 'X')
    expect(body).toBeDefined()
    expect(creditCodeProblems(credit('91350100', body as string))).toEqual([])
  })

  it.each([
    ['', ['请填写统一社会信用代码']],
    ['9135010012345678', ['统一社会信用代码应为 18 位，现为 16 位']],
    [
      '91350100M0001000IO',
      ['统一社会信用代码只能由数字和除 I、O、Z、S、V 以外的大写字母组成，不能含有“I、O”'],
    ],
    [
      '91350100M00-100051',
      ['统一社会信用代码只能由数字和除 I、O、Z、S、V 以外的大写字母组成，不能含有“-”'],
    ],
    [credit('B1350100', 'M0001000'), ['统一社会信用代码第 1 位（登记管理部门码）无效']],
    [credit('9135A100', 'M0001000'), ['统一社会信用代码第 3—8 位应为 6 位数字的行政区划码']],
    [
      credit('91350100', 'M0001000', orgCheck('M0001000') === '1' ? '2' : '1'),
      ['统一社会信用代码第 9—17 位（组织机构代码）校验位不正确'],
    ],
    [
      (() => {
        const good = credit('91350100', 'M0001000')
        const other = ALPHABET[(ALPHABET.indexOf(good[17]) + 1) % 31]
        return good.slice(0, 17) + other
      })(),
      ['统一社会信用代码校验位不正确，请核对后重新填写'],
    ],
  ])('refuses %j', (value, problems) => {
    expect(creditCodeProblems(value)).toEqual(problems)
  })
})

describe('mobile numbers', () => {
  it.each([
    ['13812341234', true],
    ['19912341234', true],
    ['16612341234', true],
    ['+86 138 1234 1234', true],
    ['8613812341234', true],
    ['008613812341234', true],
    ['138-1234-1234', true],
    ['12812341234', false],
    ['1381234123', false],
    ['138123412345', false],
    ['0591-87654321', false],
    ['1381234123a', false],
    ['', false],
  ])('%j is a mainland mobile number: %s', (value, ok) => {
    expect(isMobile(value)).toBe(ok)
  })
})

describe('masking for publication (RULES §4)', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['+86 138 1234 1234', '138****1234'],
    ['059187654321', '059*****4321'],
    ['12345', '*****'],
  ])('masks the phone number %j as %s', (value, masked) => {
    expect(maskPhone(value)).toBe(masked)
  })

  it.each([
    ['350102199001011234', '35*************234'],
    ['35010219900101123X', '35*************23X'],
    ['350102900101123', '35**********123'],
    ['1234', '****'],
  ])('masks the ID number %s as %s', (value, masked) => {
    expect(maskResidentId(value)).toBe(masked)
  })

  it('keeps the first 2 and last 3 characters of an 18-character ID, as in RULES', () => {
    const value = id('35010219900101123')
    expect(maskResidentId(value)).toBe(`35${'*'.repeat(13)}${value.slice(-3)}`)
  })

  it.each([
    ['zhang.san@x.cn', 'z***@x.cn'],
    ['a@example.gov.cn', 'a***@example.gov.cn'],
    [' li@qq.com ', 'l***@qq.com'],
    ['not-an-email', '***'],
    ['@x.cn', '***'],
  ])('masks the e-mail address %j as %s', (value, masked) => {
    expect(maskEmail(value)).toBe(masked)
  })
})

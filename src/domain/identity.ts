// Decides whether an ID number, credit code or mobile number is well formed, and how each is
// masked before anything is published.

// GB 11643-1999: the first two digits name a province-level region (港澳台 81–83 are used by
// residence permits for Hong Kong, Macao and Taiwan residents).
const PROVINCES = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64'],
  ...['65', '71', '81', '82', '83'],
])

// ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** The check character of the first 17 digits of a resident ID number. */
export function residentIdCheckChar(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0)
  return ID_CHECK[sum % 11]
}

const isRealDate = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * Sentences refusing an 18-digit resident ID number (GB 11643-1999), or none. A lower-case x
 * is accepted as the check character, since people type it. `today` (YYYY-MM-DD) lets the
 * caller refuse birth dates in the future; this module has no clock.
 */
export function residentIdProblems(value: string, { today }: { today?: string } = {}): string[] {
  const id = value.trim().toUpperCase()
  if (!id) return ['请填写身份证号码']
  if (id.length !== 18) return [`身份证号码应为 18 位，现为 ${id.length} 位`]
  if (!/^\d{17}[\dX]$/.test(id)) return ['身份证号码前 17 位应为数字，最后一位为数字或 X']
  const problems: string[] = []
  // A county-level code, except the residence permits of 港澳台 residents (810000, 820000, 830000).
  const province = id.slice(0, 2)
  if (!PROVINCES.has(province) || (id.slice(2, 6) === '0000' && province < '81')) {
    problems.push('身份证号码前 6 位不是有效的行政区划代码')
  }
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number)
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  if (y < 1900 || !isRealDate(y, m, d)) {
    problems.push(`身份证号码中的出生日期 ${id.slice(6, 14)} 不是有效日期`)
  } else if (today && birth > today) {
    problems.push(`身份证号码中的出生日期 ${id.slice(6, 14)} 晚于今天`)
  }
  // Not saying which character would be right: the sentence is for typos, not for forging.
  if (residentIdCheckChar(id) !== id[17]) problems.push('身份证号码校验位不正确，请核对后重新填写')
  return problems
}

// GB 32100-2015: 31 characters, digits and capitals without I, O, Z, S, V.
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
// GB 32100-2015 表 1: 登记管理部门码.
const REGISTRARS = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'N', 'Y'])
// GB 11714-1997: organisation code weights for its MOD 11 check character.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

/** The 18th character of a unified social credit code (GB 32100-2015, MOD 31). */
export function creditCodeCheckChar(first17: string): string {
  const sum = CREDIT_WEIGHTS.reduce(
    (acc, w, i) => acc + w * CREDIT_CODE_ALPHABET.indexOf(first17[i]),
    0,
  )
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]
}

/** The 9th character of an organisation code (GB 11714-1997, MOD 11; 10 is X). */
export function organisationCodeCheckChar(first8: string): string {
  const value = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55)
  const sum = ORG_WEIGHTS.reduce((acc, w, i) => acc + w * value(first8[i]), 0)
  const check = 11 - (sum % 11)
  return check === 10 ? 'X' : check === 11 ? '0' : String(check)
}

/** Sentences refusing a unified social credit code (GB 32100-2015), or none. */
export function creditCodeProblems(value: string): string[] {
  const code = value.trim().toUpperCase()
  if (!code) return ['请填写统一社会信用代码']
  if (code.length !== 18) return [`统一社会信用代码应为 18 位，现为 ${code.length} 位`]
  const bad = [...new Set([...code].filter((c) => !CREDIT_CODE_ALPHABET.includes(c)))]
  if (bad.length) {
    return [
      `统一社会信用代码只能由数字和除 I、O、Z、S、V 以外的大写字母组成，不能含有“${bad.join('、')}”`,
    ]
  }
  const problems: string[] = []
  if (!REGISTRARS.has(code[0])) problems.push('统一社会信用代码第 1 位（登记管理部门码）无效')
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    problems.push('统一社会信用代码第 3—8 位应为 6 位数字的行政区划码')
  }
  if (organisationCodeCheckChar(code.slice(8, 16)) !== code[16]) {
    problems.push('统一社会信用代码第 9—17 位（组织机构代码）校验位不正确')
  }
  if (creditCodeCheckChar(code) !== code[17]) {
    problems.push('统一社会信用代码校验位不正确，请核对后重新填写')
  }
  return problems
}

const stripPhone = (value: string): string =>
  value.replace(/[\s-]/g, '').replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '')

/** A mainland mobile number: 11 digits from 13x to 19x, with an optional +86 and separators. */
export const isMobile = (value: string): boolean => /^1[3-9]\d{9}$/.test(stripPhone(value))

/** 13812341234 → 138****1234; other numbers keep their first 3 and last 4 characters. */
export function maskPhone(value: string): string {
  const digits = stripPhone(value)
  if (digits.length <= 7) return '*'.repeat(digits.length)
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`
}

/** 350102199001011234 → 35*************234: first 2 and last 3 characters kept (RULES §4). */
export function maskResidentId(value: string): string {
  const id = value.trim()
  if (id.length <= 5) return '*'.repeat(id.length)
  return `${id.slice(0, 2)}${'*'.repeat(id.length - 5)}${id.slice(-3)}`
}

/** zhang.san@x.cn → z***@x.cn: the local part's first character only, and never its length. */
export function maskEmail(value: string): string {
  const email = value.trim()
  const at = email.lastIndexOf('@')
  if (at <= 0) return '***'
  return `${email[0]}***${email.slice(at)}`
}

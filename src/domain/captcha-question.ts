// Decides the accessible CAPTCHA's questions and which typed answers solve them.
//
// A question a screen reader can read aloud cannot stop a determined script; it only has to
// stop the cheap one (one regular expression over one sentence). So the wording varies, each
// number is written in Chinese or in digits at random, and the answer may be typed either way.
// The per-address limits do the rest (src/services/rate-limits.ts).

export type Question = { question: string; answer: number }

/** `random(n)` returns an integer in [0, n). */
export type Random = (max: number) => number

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 0–99 in Chinese words: 七, 十二, 二十, 二十三. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`${n} is out of 0–99`)
  if (n <= 10) return NUMERALS[n]
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : NUMERALS[tens]}十${ones ? NUMERALS[ones] : ''}`
}

const pick = <T>(list: readonly T[], random: Random): T => list[random(list.length)]

type Sentence = (a: string, b: string) => string

const SUMS: readonly Sentence[] = [
  (a, b) => `${a}加${b}等于几？`,
  (a, b) => `${a}加上${b}，结果是多少？`,
  (a, b) => `${a}与${b}的和是多少？`,
  (a, b) => `把${a}和${b}相加，得数是几？`,
  (a, b) => `篮子里有${a}个苹果，又放进${b}个，现在一共有几个？`,
  (a, b) => `请计算：${a}再添${b}是几？`,
]

const DIFFERENCES: readonly Sentence[] = [
  (a, b) => `${a}减${b}等于几？`,
  (a, b) => `${a}减去${b}，结果是多少？`,
  (a, b) => `${a}比${b}多几？`,
  (a, b) => `从${a}里去掉${b}，还剩几？`,
  (a, b) => `书架上有${a}本书，借走了${b}本，还剩几本？`,
  (a, b) => `请计算：${a}与${b}的差是多少？`,
]

/** A number as the question shows it: in Chinese words or in digits, at random. */
const written = (n: number, random: Random) => (random(2) === 0 ? chineseNumber(n) : String(n))

/** A question with two numbers from 1 to 10; the answer is never negative. */
export function arithmeticQuestion(random: Random): Question {
  const a = 1 + random(10)
  const b = 1 + random(10)
  const add = random(2) === 0 || a === b
  const [x, y] = add ? [a, b] : a > b ? [a, b] : [b, a]
  const sentence = pick(add ? SUMS : DIFFERENCES, random)
  return {
    question: sentence(written(x, random), written(y, random)),
    answer: add ? x + y : x - y,
  }
}

const DIGIT_OF: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
}

/**
 * The number a person typed as an answer, or null: digits (half- or full-width) or Chinese
 * words (七, 十二, 二十三, 大写 such as 拾贰), with spaces, a trailing 。 or a unit such as 个 ignored.
 */
export function parseAnswer(typed: string): number | null {
  const s = typed
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s。．.，,！!]/g, '')
    .replace(/^(答案?[是为：:]?|等于|是)/, '')
    .replace(/(个|本|只|件)$/, '')
  if (/^\d{1,3}$/.test(s)) return Number(s)
  const m =
    /^([一二两三四五六七八九壹贰叁肆伍陆柒捌玖]?)([十拾]?)([零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖]?)$/.exec(
      s,
    )
  if (!m || !s) return null
  const [, first, ten, last] = m
  // Without 十 it is one digit, not two side by side (七八).
  if (!ten) return first && last ? null : DIGIT_OF[first || last]
  if (first && DIGIT_OF[first] === 0) return null
  return (first ? DIGIT_OF[first] : 1) * 10 + (last ? DIGIT_OF[last] : 0)
}

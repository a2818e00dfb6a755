// What a script written for this platform's arithmetic questions does: find the two numbers and
// the operation. Browser tests use it to fill the form; the unit tests use it to show that the
// question only stops scripts not written for it (README: the per-address limits do the rest).
import { parseAnswer } from '../../src/domain/captcha-question'

export function solveArithmetic(question: string): number | null {
  const numbers = [...question.replace(/一共/g, '').matchAll(/\d+|[零一二两三四五六七八九十]+/g)]
    .map((m) => parseAnswer(m[0]))
    .filter((n): n is number => n != null)
  if (numbers.length !== 2) return null
  const [a, b] = numbers
  return /减|差|比.*多|去掉|拿走|借走|还剩/.test(question) ? a - b : a + b
}

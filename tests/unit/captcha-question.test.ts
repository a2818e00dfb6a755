// The accessible CAPTCHA: questions a script cannot read with one pattern, answers a person may
// type in digits or in words.
import crypto from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { arithmeticQuestion, chineseNumber, parseAnswer } from '../../src/domain/captcha-question'
import { solveArithmetic } from '../helpers/captcha-solver'

describe('Chinese numbers', () => {
  it.each([
    [0, '零'],
    [7, '七'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [23, '二十三'],
  ])('writes %i as %s', (n, words) => expect(chineseNumber(n)).toBe(words))
})

describe('answers', () => {
  it.each([
    ['7', 7],
    [' 7 ', 7],
    ['７', 7],
    ['七', 7],
    ['柒', 7],
    ['十二', 12],
    ['12', 12],
    ['二十', 20],
    ['两', 2],
    ['零', 0],
    ['〇', 0],
    ['0', 0],
    ['八个', 8],
    ['答案是9', 9],
    ['十。', 10],
  ])('reads %j as %i', (typed, n) => expect(parseAnswer(typed)).toBe(n))

  it.each(['', 'abc', '七八', '十十', '三点五', '-1', '1e1', '零十'])(
    'does not read %j as a number',
    (typed) => expect(parseAnswer(typed)).toBeNull(),
  )
})

describe('questions', () => {
  const many = Array.from({ length: 400 }, () => arithmeticQuestion(crypto.randomInt))

  it('never asks for a negative answer, nor one above twenty', () => {
    for (const q of many) {
      expect(q.answer).toBeGreaterThanOrEqual(0)
      expect(q.answer).toBeLessThanOrEqual(20)
    }
  })

  it('varies the wording: at least eight different sentence shapes', () => {
    const shapes = new Set(
      many.map((q) => q.question.replace(/\d+|[零一二三四五六七八九十]+/g, '#')),
    )
    expect(shapes.size).toBeGreaterThanOrEqual(8)
  })

  it('writes numbers sometimes in digits and sometimes in words', () => {
    expect(many.some((q) => /\d/.test(q.question))).toBe(true)
    expect(many.some((q) => /[一二三四五六七八九十]/.test(q.question))).toBe(true)
  })

  it('is not solved by the old single pattern (words, 加 or 减, words, 等于几)', () => {
    const old = /^([一二三四五六七八九十])([加减])([一二三四五六七八九十])等于几？$/
    const solved = many.filter((q) => old.test(q.question)).length
    expect(solved / many.length).toBeLessThan(0.1)
  })

  it('accepts its answer typed in digits and in words', () => {
    for (const q of many.slice(0, 50)) {
      expect(parseAnswer(String(q.answer))).toBe(q.answer)
      expect(parseAnswer(chineseNumber(q.answer))).toBe(q.answer)
    }
  })

  it('asks a fixed question for a fixed sequence of choices', () => {
    // a = 3, b = 5, addition, first wording, both numbers in words
    const seq = [2, 4, 0, 0, 0, 0]
    expect(arithmeticQuestion(() => seq.shift()!)).toEqual({
      question: '三加五等于几？',
      answer: 8,
    })
    // a = 9, b = 2, subtraction, third wording (比…多几), digits then words
    const sub = [8, 1, 1, 2, 1, 0]
    expect(arithmeticQuestion(() => sub.shift()!)).toEqual({ question: '9比二多几？', answer: 7 })
  })
})

describe('the trade-off (README)', () => {
  it('is solved by a script written for these very questions: the limits per address matter', () => {
    for (let i = 0; i < 200; i++) {
      const q = arithmeticQuestion(crypto.randomInt)
      expect(solveArithmetic(q.question), q.question).toBe(q.answer)
    }
  })
})

import { describe, expect, it } from 'vitest'

import { isRefusal } from '../../src/domain/refusal'

describe('isRefusal', () => {
  it('tells a refusal of the input (4xx) from a failure to store it', () => {
    expect(isRefusal({ status: 400 })).toBe(true)
    expect(isRefusal({ status: 413 })).toBe(true)
    expect(isRefusal({ status: 499 })).toBe(true)
    expect(isRefusal({ status: 500 })).toBe(false)
    expect(isRefusal({ status: 503 })).toBe(false)
    expect(isRefusal({ status: 399 })).toBe(false)
    expect(isRefusal(new Error('connection refused'))).toBe(false)
    expect(isRefusal(null)).toBe(false)
    expect(isRefusal({ status: '400' })).toBe(false)
  })
})

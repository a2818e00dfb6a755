import { describe, expect, it } from 'vitest'

import { idOf, idsOf, sameId } from '../../src/domain/ids'

describe('ids', () => {
  it.each([
    [5, 5],
    ['65a1b2c3d4e5f60718293a4b', '65a1b2c3d4e5f60718293a4b'],
    [{ id: 7, title: 'x' }, 7],
    [{ id: 'abc' }, 'abc'],
    [null, undefined],
    [undefined, undefined],
    ['', undefined],
    [{}, undefined],
    [{ id: null }, undefined],
    [true, undefined],
  ])('reads the id of %j as %j', (value, id) => {
    expect(idOf(value)).toBe(id)
  })

  it('reads a has-many relation, leaving absent ids out', () => {
    expect(idsOf([1, { id: 2 }, null, { id: '3' }])).toEqual([1, 2, '3'])
    expect(idsOf(undefined)).toEqual([])
  })

  it('compares ids across numbers, strings and populated documents', () => {
    expect(sameId(5, '5')).toBe(true)
    expect(sameId({ id: 5 }, 5)).toBe(true)
    expect(sameId(5, 6)).toBe(false)
    expect(sameId(null, null)).toBe(false)
  })
})

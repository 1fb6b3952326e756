// The search index's growing lists hold what was pushed, in order, however they interleave.
import {describe, expect, it} from 'vitest'
import {createPostingLists} from '../../src/search/posting-lists.ts'

/** A deterministic stream of numbers (a linear congruential generator). */
function numbers(seed: number): () => number {
  let state = seed
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return state
  }
}

describe('createPostingLists', () => {
  it('keeps interleaved lists of every length apart, in order', () => {
    const lists = createPostingLists()
    const next = numbers(7)
    const expected: number[][] = []
    const opened: number[] = []
    for (let i = 0; i < 30_000; i++) expected.push([]), opened.push(lists.open())
    expect(opened).toEqual(expected.map((_, i) => i))
    // Skewed like words: a few lists get most values, and they cross many block sizes.
    for (let n = 0; n < 200_000; n++) {
      const list = Math.floor(30_000 * ((next() / 2 ** 32) ** 3))
      const value = next()
      lists.push(list, value)
      expected[list]!.push(value)
    }
    expect(expected[0]!.length).toBeGreaterThan(5000)
    expect(expected.filter((values) => values.length === 0).length).toBeGreaterThan(0)
    // One comparison of every list against what was pushed: 230,000 expect() calls took 19 s.
    const lengths: number[] = []
    const seen: number[][] = []
    const indexes: number[][] = []
    for (let list = 0; list < expected.length; list++) {
      lengths.push(lists.length(list))
      const values: number[] = []
      const at: number[] = []
      lists.forEach(list, (value, index) => {
        values.push(value)
        at.push(index)
      })
      seen.push(values)
      indexes.push(at)
    }
    expect(lengths).toEqual(expected.map((values) => values.length))
    expect(seen).toEqual(expected)
    expect(indexes).toEqual(expected.map((values) => values.map((_, i) => i)))
  })

  it('reads and replaces the last value, also right after a new block begins', () => {
    const lists = createPostingLists()
    const list = lists.open()
    const other = lists.open()
    for (let value = 1; value <= 40; value++) {
      lists.push(list, value)
      lists.push(other, 1000 + value)
      expect(lists.last(list)).toBe(value)
      lists.setLast(list, value * 10)
    }
    const seen: number[] = []
    lists.forEach(list, (value) => seen.push(value))
    expect(seen).toEqual(Array.from({length: 40}, (_, i) => (i + 1) * 10))
    expect(lists.last(other)).toBe(1040)
  })

  it('holds more values than one slab, and the largest 32-bit number', () => {
    const lists = createPostingLists()
    const a = lists.open()
    const b = lists.open()
    const count = 5_000_000
    for (let i = 0; i < count; i++) {
      lists.push(a, i)
      lists.push(b, 0xffffffff - i)
    }
    let sumA = 0
    let ok = true
    lists.forEach(a, (value, index) => {
      sumA += value
      ok &&= value === index
    })
    expect(ok).toBe(true)
    expect(sumA).toBe((count * (count - 1)) / 2)
    let okB = true
    lists.forEach(b, (value, index) => {
      okB &&= value === 0xffffffff - index
    })
    expect(okB).toBe(true)
    expect(lists.length(b)).toBe(count)
  })
})

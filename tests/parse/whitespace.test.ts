import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {collapse} from '../../src/parse/whitespace.ts'

describe('collapse', () => {
  it('turns every run of white space into one space, as /\\s+/g would', () => {
    const unit = fc.constantFrom('a', 'B', '.', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2009', '\u3000', '\ufeff', 'é')
    fc.assert(
      fc.property(fc.string({unit, maxLength: 30}), (text) => {
        expect(collapse(text)).toBe(text.replace(/\s+/g, ' ').trim())
      }),
      {numRuns: 3000}
    )
  })

  it('keeps one line of single spaces as it is', () => {
    expect(collapse(' HYUNG-JIN KIM\tand\u00a0 KIM TONG-HYUNG ')).toBe('HYUNG-JIN KIM and KIM TONG-HYUNG')
    const text = 'Weak end-of-year sales hit Next'
    expect(collapse(text)).toBe(text)
  })
})

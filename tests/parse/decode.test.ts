import {describe, expect, it} from 'vitest'
import {decode, firstInvalidUtf8} from '../../src/read/decode.ts'

const bytes = (...values: number[]) => Uint8Array.from(values)
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('decode', () => {
  it('reads UTF-8 and drops a BOM', () => {
    expect(decode(utf8('£ “x”'))).toEqual({text: '£ “x”', diagnostics: []})
    expect(decode(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({text: 'A', diagnostics: []})
  })
  it('reads invalid UTF-8 as Windows-1252 with a warning on the first bad line', () => {
    const result = decode(bytes(0x41, 0x0d, 0x0a, 0x42, 0x0a, 0x93, 0x41, 0x94, 0x20, 0xa3, 0x31, 0x80))
    expect(result.text).toBe('A\r\nB\n“A” £1€')
    expect(result.diagnostics).toEqual([{severity: 'warning', line: 3, message: expect.stringMatching(/Windows-1252/)}])
  })
  it('reads UTF-16 with a BOM', () => {
    expect(decode(bytes(0xff, 0xfe, 0x41, 0x00, 0xa3, 0x00)).text).toBe('A£')
    expect(decode(bytes(0xfe, 0xff, 0x00, 0x41)).text).toBe('A')
  })
  it('finds the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8(utf8('a€𝄞'))).toBe(-1)
    expect(firstInvalidUtf8(bytes(0x61, 0xc0, 0x80))).toBe(1) // overlong
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0) // surrogate
    expect(firstInvalidUtf8(bytes(0x61, 0xe2, 0x82))).toBe(1) // truncated
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0) // above U+10FFFF
  })
  it('agrees with TextDecoder on every two-byte sequence', () => {
    const fatal = new TextDecoder('utf-8', {fatal: true})
    for (let a = 0; a < 256; a++) {
      for (let b = 0; b < 256; b++) {
        const input = bytes(a, b, 0x80, 0x80)
        let valid = true
        try {
          fatal.decode(input)
        } catch {
          valid = false
        }
        expect(firstInvalidUtf8(input) === -1).toBe(valid)
      }
    }
  })
})

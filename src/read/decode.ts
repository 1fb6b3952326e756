// Bytes → text. Scraped files arrive in whatever encoding the scraper used: UTF-8 (with or without a
// BOM) is the rule, and the usual exception is a Windows-1252 file from an old tool, where `£` is one
// byte. Decoding that as UTF-8 would turn every such byte into U+FFFD and lose it for good.
import type {Diagnostic} from '../model/types.ts'
import {looksBinary} from '../parse/shape.ts'

export interface Decoded {
  text: string
  diagnostics: Diagnostic[]
}

const utf8 = new TextDecoder('utf-8', {fatal: true})
// Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls (ISO-8859-1), so the bytes
// that matter most in such files — curly quotes, dashes, € — would be lost. WHATWG's table for them:
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
]

export function decode(bytes: Uint8Array): Decoded {
  const wide = utf16Encoding(bytes)
  if (wide) return {text: new TextDecoder(wide).decode(bytes), diagnostics: []}
  const bad = firstInvalidUtf8(bytes)
  if (bad === -1) return {text: utf8.decode(bytes), diagnostics: []}
  // Binary data (an image or a PDF saved as `.txt`) is told before it is taken for Windows-1252
  // text: it is decoded all the same, byte for byte, and the parser skips it as binary
  // (parse/shape.ts), without advice to save it as UTF-8.
  if (looksBinary(bytes)) return {text: decodeWindows1252(bytes), diagnostics: []}
  const line = lineOfOffset(bytes, bad)
  return {
    text: decodeWindows1252(bytes),
    diagnostics: [
      {
        severity: 'warning',
        line,
        message: `not valid UTF-8 (byte 0x${hex(bytes[bad] ?? 0)} at offset ${bad}); read as Windows-1252 — save the file as UTF-8 to silence this`
      }
    ]
  }
}

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  // In slices, because String.fromCharCode takes its units as arguments and the stack is finite.
  for (let start = 0; start < bytes.length; start += 8192) {
    const units = Array.from(bytes.subarray(start, start + 8192), (b) => (b >= 0x80 && b <= 0x9f ? (WINDOWS_1252_HIGH[b - 0x80] as number) : b))
    parts.push(String.fromCharCode(...units))
  }
  return parts.join('')
}

/** A UTF-16 BOM is unambiguous; without one, UTF-16 is not guessed (it would misread real UTF-8). */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF),
 * or -1. Written out because TextDecoder only says *that* the input is bad, not *where*.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  const n = bytes.length
  while (i < n) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min = 0x80
    let max = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) min = 0xa0
      if (b === 0xed) max = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) min = 0x90
      if (b === 0xf4) max = 0x8f
    } else return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      const lo = k === 1 ? min : 0x80
      const hi = k === 1 ? max : 0xbf
      if (c === undefined || c < lo || c > hi) return i
    }
    i += need + 1
  }
  return -1
}

/** 1-based line of a byte offset, counting LF, CRLF and lone CR as line ends like the parser does. */
function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]
    if (b === 0x0a) line++
    else if (b === 0x0d && bytes[i + 1] !== 0x0a) line++
  }
  return line
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0')
}

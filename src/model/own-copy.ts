// A string of its own: V8 cuts a substring of 13 characters or more as a view that keeps its
// whole parent alive, so a paragraph kept for the whole build can hold a whole file, and a name kept
// for the whole corpus a whole paragraph (cache/compact.ts, tags/vocabulary.ts).

/**
 * A flat copy of `text` that shares no memory with the string it was cut from. UTF-8 cannot carry
 * a lone surrogate, so such a string (decoding never makes one, but parse() takes any string) is
 * kept as it is.
 */
export function own(text: string): string {
  return LONE_SURROGATE.test(text) ? text : Buffer.from(text, 'utf8').toString('utf8')
}

// With the u flag a surrogate pair is one code point, so only an unpaired half matches.
const LONE_SURROGATE = /\p{Cs}/u

// XML 1.0 forbids some characters outright (most control characters, U+FFFE, lone surrogates): one
// in a headline would make a whole feed unreadable, so they are left out of any text put in XML.

export function xmlChars(text: string): string {
  // Most text has none and no surrogate pair either: a scan without the u flag, about three times
  // as fast, says so.
  if (!MAYBE_NOT_XML.test(text)) return text
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
}

const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/

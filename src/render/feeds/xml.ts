// The one XML escaping module of the feeds (RSS, Atom) and the sitemap. XML 1.0 forbids some
// characters outright (most control characters, U+FFFE, lone surrogates): one in a headline would
// make a whole feed unreadable, so they are left out of any text put in XML.

export function xmlChars(text: string): string {
  // Most text has none and no surrogate pair either: a scan without the u flag, about three times
  // as fast, says so.
  if (!MAYBE_NOT_XML.test(text)) return text
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
}

const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/
const MARKUP = /[&<>"]/

/** Text content or an attribute value (double-quoted): `&`, `<`, `>` and `"` escaped, every time. */
export function xmlText(text: string): string {
  const clean = xmlChars(text)
  if (!MARKUP.test(clean)) return clean
  return clean.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
}

/** A URL in the sitemap: `&`, `<`, `>`, `"` and `'` as numeric character references. */
export function xmlCharRefs(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** HTML carried as escaped text (Atom `type="html"` content): the same escaping. */
export const escapedHtml = xmlText

/**
 * Plain text in a field that readers render as HTML (RSS `<description>`): escaped as HTML, then
 * the HTML escaped as XML, so that `<script>` in an excerpt reaches the reader as text.
 */
export function plainTextAsHtml(text: string): string {
  return xmlText(xmlText(text))
}

/** HTML in a CDATA section (RSS `content:encoded`); a `]]>` in it is split across two sections. */
export function cdata(html: string): string {
  return `<![CDATA[${xmlChars(html).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
}

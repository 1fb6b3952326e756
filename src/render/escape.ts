// The one HTML escaping module of the pages. Each function gives the exact bytes one consumer
// expects, which is why there are more than one: a test compares each page with the interpreter's.
//
// - `escapeHtml`: LiquidJS's `escape` filter (`"` as `&#34;`, `'` as `&#39;`), for the compiled
//   templates (render/liquid/compiled.ts), which must write what the interpreter writes.
// - `escapeAmpersands`: remark-html's text, for the paragraphs built without it
//   (render/plain-paragraph.ts): only `&`, as `&#x26;`; the paragraph has no other markup character.
// - `escapeJsonForScript`: JSON inside `<script>`: every character HTML or JavaScript treats
//   specially as a `\u` escape, so `</script>` or `<!--` in a headline cannot end the script.
//
// XML (feeds, sitemap) has its own module: render/feeds/xml.ts.

const HTML_ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;'}

export function escapeHtml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string) : text
}

export function escapeAmpersands(text: string): string {
  return text.replaceAll('&', '&#x26;')
}

export function escapeJsonForScript(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

// schema.org data for story pages, printed raw inside <script type="application/ld+json">.
// JSON.stringify does not stop `</script>` or `<!--` in a headline from ending the script,
// so every character HTML or JavaScript treats specially is written as a \u escape.

export function escapeJsonForScript(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

export function scriptJson(value: unknown): string {
  return escapeJsonForScript(JSON.stringify(value))
}

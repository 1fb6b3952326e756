// When the compiled path (render/liquid/compiled.ts) cannot render a page that LiquidJS can, the
// page is rendered by LiquidJS, the same bytes more slowly. Each such fallback is counted, and said
// under the debug switch (`DEBUG=broadsheet:*` or `DEBUG=broadsheet:liquid`, which `--debug` sets);
// under BROADSHEET_FAIL_ON_FALLBACK=1, which the test suite sets, it is an error instead, so a
// regression of the compiled path fails a test rather than only slowing the build.
import process from 'node:process'

const NAMESPACE = 'broadsheet:liquid'

let fallbacks = 0

/** Whether `DEBUG` names this namespace (comma-separated, `*` as a wildcard, as the `debug` package reads it). */
export function debugging(namespace: string = NAMESPACE, variable: string | undefined = process.env['DEBUG']): boolean {
  if (!variable) return false
  return variable.split(/[\s,]+/).some((pattern) => pattern !== '' && new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`).test(namespace))
}

export function debugLine(line: string): void {
  if (debugging()) process.stderr.write(`${NAMESPACE} ${line}\n`)
}

/** A page the compiled path failed on and LiquidJS rendered: counted, said under debug, an error under the test suite. */
export function noteFallback(template: string, error: unknown): void {
  fallbacks++
  const reason = error instanceof Error ? error.message : String(error)
  if (process.env['BROADSHEET_FAIL_ON_FALLBACK'] === '1') throw new Error(`the compiled templates fell back to LiquidJS for ${template}: ${reason}`)
  debugLine(`fallback ${fallbacks}: ${template} rendered by LiquidJS (${reason})`)
}

/** Fallbacks on this thread so far. */
export function fallbackCount(): number {
  return fallbacks
}

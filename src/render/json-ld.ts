// schema.org data for story pages, printed raw inside <script type="application/ld+json">, escaped
// so that nothing in it can end the script (render/escape.ts).
import {escapeJsonForScript} from './escape.ts'

export function scriptJson(value: unknown): string {
  return escapeJsonForScript(JSON.stringify(value))
}

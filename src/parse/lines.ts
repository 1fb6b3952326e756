// Text → lines, with line numbers that match the file a person opens in an editor.
import type {Diagnostic} from '../model/types.ts'

export interface Lines {
  /** `lines[i]` is line i + 1 of the file. */
  lines: string[]
  diagnostics: Diagnostic[]
}

// C0 controls other than tab/LF/CR, and DEL: never meaningful in an article, and NUL in particular
// breaks tools further down (file names, XML feeds).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

export function splitLines(text: string): Lines {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  // CRLF, lone CR (old Mac exports) and LF each end one line, so numbering stays 1:1 with the file.
  const raw = body.split(/\r\n|\r|\n/)
  const diagnostics: Diagnostic[] = []
  const lines = raw.map((line, i) => {
    if (!CONTROL.test(line)) return line
    if (diagnostics.length === 0) {
      diagnostics.push({severity: 'warning', line: i + 1, message: 'control characters (such as NUL) removed'})
    }
    return line.replace(CONTROLS, '')
  })
  return {lines, diagnostics}
}

export function isBlank(line: string): boolean {
  return line.trim() === ''
}

// Body paragraphs. In the text formats a paragraph is a line: scrapers write one line per paragraph,
// and the BBC files put list items on consecutive lines that each stand alone. In Markdown a
// paragraph is a block between blank lines, and a fenced code block is one block however many blank
// lines it holds.
import {isBlank} from './lines.ts'
import type {BodyLine} from './provider-rules.ts'
import {cleanParagraphLine} from './whitespace.ts'

/** Each non-blank line of `lines[start, stop)` as a paragraph, with its 1-based line number. */
export function textParagraphs(lines: string[], start: number, stop: number): BodyLine[] {
  const paragraphs: BodyLine[] = []
  for (let i = start; i < stop; i++) {
    const line = lines[i] ?? ''
    if (!isBlank(line)) paragraphs.push({text: cleanParagraphLine(line), line: i + 1})
  }
  return paragraphs
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/

export function markdownBlocks(lines: string[], start: number, stop: number): string[] {
  const blocks: string[] = []
  let block: string[] = []
  let fence: string | null = null
  const flush = (): void => {
    while (block.length > 0 && (block[block.length - 1] ?? '').trim() === '') block.pop()
    if (block.length > 0) blocks.push(block.join('\n'))
    block = []
  }
  for (let i = start; i < stop; i++) {
    const raw = lines[i] ?? ''
    const line = raw.trimEnd()
    const marker = FENCE.exec(line)?.[1] ?? null
    if (fence === null) {
      if (marker !== null && !(marker[0] === '`' && line.slice(line.indexOf(marker) + marker.length).includes('`'))) {
        fence = marker
      } else if (line === '') {
        flush()
        continue
      }
    } else if (marker !== null && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
      fence = null
    }
    block.push(raw)
  }
  flush()
  return blocks
}

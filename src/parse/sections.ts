// The tail of a text file: body, then an optional `___` rule with footer notes after it, then an
// optional `Recommended Stories` block. Either marker may be missing; the rule only counts before
// the heading.
import {isRecommendedHeading} from './recommended.ts'
import {isBlank} from './lines.ts'
import {cleanParagraphLine} from './whitespace.ts'

export interface Sections {
  /** Line index ranges, [start, end). */
  body: [number, number]
  footer: [number, number] | null
  recommended: [number, number] | null
}

export function isRule(line: string): boolean {
  return /^_{3,}$/.test(line.trim())
}

export function findSections(lines: string[], start: number, stop: number): Sections {
  let rule = -1
  let heading = -1
  for (let i = start; i < stop && heading === -1; i++) {
    const line = lines[i] ?? ''
    if (rule === -1 && isRule(line)) rule = i
    else if (isRecommendedHeading(line)) heading = i
  }
  const tailStart = heading === -1 ? stop : heading
  return {
    body: [start, rule === -1 ? tailStart : rule],
    footer: rule === -1 ? null : [rule + 1, tailStart],
    recommended: heading === -1 ? null : [heading + 1, stop]
  }
}

export function footerLines(lines: string[], [start, end]: [number, number]): string[] {
  const notes: string[] = []
  for (let i = start; i < end; i++) {
    const line = lines[i] ?? ''
    if (!isBlank(line) && !isRule(line)) notes.push(cleanParagraphLine(line))
  }
  return notes
}

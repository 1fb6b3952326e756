// The `Recommended Stories` block: `  • <title>` lines, each followed by an indented summary.
import type {Diagnostic, Teaser} from '../model/types.ts'
import {readOpening} from './dateline.ts'
import {isBlank} from './lines.ts'
import {collapse} from './whitespace.ts'

const BULLET = /^\s*[•·▪◦*–-]\s+(\S[^]*)$/
/** Bullets that also open lines of prose: a dash or an asterisk. */
const TEXT_DASH = /^\s*[*–-]\s/

export function isRecommendedHeading(line: string): boolean {
  // Every body line is asked; a length check first keeps long paragraphs from being rewritten.
  const text = line.trim()
  return text.length >= 19 && text.length <= 40 && collapse(text).toLowerCase() === 'recommended stories'
}

export interface Teasers {
  teasers: Teaser[]
  diagnostics: Diagnostic[]
}

/** Reads lines [start, stop) that follow the heading. */
export function readTeasers(lines: string[], start: number, stop: number): Teasers {
  const drafts: Array<{title: string; indent: number; summary: string[]}> = []
  const diagnostics: Diagnostic[] = []
  for (let i = start; i < stop; i++) {
    const line = lines[i] ?? ''
    // A rule here separates teasers visually; it is not part of any summary.
    if (isBlank(line) || /^_{3,}$/.test(line.trim())) continue
    const current = drafts[drafts.length - 1]
    const indent = indentOf(line)
    // A summary is indented under its title's bullet, and may itself open with a dash
    // (`    - Parenting plans to…`): deeper than the bullet, a dash is text, not a teaser. A `•`
    // is a bullet wherever it stands, since scrapers indent bullets unevenly and prose has none.
    const inSummary = current !== undefined && indent > current.indent && TEXT_DASH.test(line)
    const bullet = inSummary ? null : BULLET.exec(line)
    if (bullet) drafts.push({title: collapse(bullet[1] ?? ''), indent, summary: []})
    else if (current) current.summary.push(line)
    else {
      diagnostics.push({severity: 'warning', line: i + 1, message: 'text under "Recommended Stories" before the first • teaser was ignored'})
    }
  }
  return {teasers: drafts.map(({title, summary}) => teaser(title, cleanSummary(summary.join(' ')))), diagnostics}
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length
}

function teaser(title: string, summary: string): Teaser {
  return {title, summary, source: readOpening(summary)?.agency ?? sourceFromTitle(title)}
}

/** Scraped clutter: a video transcript's `STORY:` label, and Bloomberg's "Most Read" link list. */
export function cleanSummary(summary: string): string {
  let text = collapse(summary).replace(/^STORY:\s*/i, '')
  const clutter = text.indexOf('Most Read from Bloomberg')
  if (clutter !== -1) text = text.slice(0, clutter)
  return text.trim()
}

// Publications that end teaser titles (`... Bali summit - FT`). Short capitals (FT, AP, WSJ) are
// taken as they come; longer names only when known, since `Kim Jong Un - Profile` names no source.
const PUBLICATIONS = new Set([
  'Reuters', 'Bloomberg', 'Associated Press', 'Financial Times', 'The Guardian', 'Guardian', 'The Independent',
  'The Telegraph', 'The Times', 'The New York Times', 'The Washington Post', 'The Wall Street Journal', 'Politico',
  'Axios', 'Forbes', 'Fortune', 'Newsweek', 'Al Jazeera', 'Deutsche Welle', 'Yahoo News', 'Yahoo Finance',
  'Business Insider', 'Insider', 'The Hill', 'The Atlantic', 'The Economist', 'Sky News', 'Fox News', 'NBC News',
  'CBS News', 'ABC News', 'Euronews', 'TechCrunch', 'The Verge', 'Wired', 'Engadget', 'Kyiv Independent',
  'The Kyiv Independent', 'Ukrainska Pravda', 'Nikkei Asia', 'South China Morning Post', 'Yonhap', 'Kyodo'
])
const ACRONYM = /^[A-Z][A-Z0-9&]{1,5}$/

export function sourceFromTitle(title: string): string | null {
  const cut = Math.max(title.lastIndexOf(' - '), title.lastIndexOf(' – '), title.lastIndexOf(' — '))
  if (cut === -1) return null
  const name = title.slice(cut + 3).trim()
  return ACRONYM.test(name) || PUBLICATIONS.has(name) ? name : null
}

// The scraped format's first line: ` date 2022-11-08 N. Korea slams US ...`.
import {checkDate} from './date.ts'
import {collapse} from './whitespace.ts'

export type DateLine =
  | {kind: 'dated'; date: string; headline: string}
  /** `date` followed by words: the scraper lost the date. A warning, not an error. */
  | {kind: 'undated'; headline: string}
  /** `date` followed by something date-like that is not a real day. */
  | {kind: 'bad'; reason: string; headline: string}

// Lower-case `date` only: headlines are capitalised, so `Date night at the Oscars` stays a headline.
const DATE_LINE = /^\s*date\s+(\S+)(?:\s+([^]*))?$/

export function readDateLine(line: string): DateLine | null {
  const match = DATE_LINE.exec(line)
  if (!match) return null
  const token = match[1] ?? ''
  const rest = collapse(match[2] ?? '')
  if (!/\d/.test(token)) return {kind: 'undated', headline: collapse(`${token} ${rest}`)}
  const check = checkDate(token)
  if (!check.ok) return {kind: 'bad', reason: check.reason, headline: rest}
  return {kind: 'dated', date: check.date, headline: rest}
}

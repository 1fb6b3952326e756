// Datelines: `SEOUL, South Korea (AP) — `, `LONDON (Reuters) -`, `SEOUL (Reuters) -North Korea`,
// `WASHINGTON — `, `LONDON, England — `, and an agency alone: `(Bloomberg) -- `, `(CNN) — `. Ordinary first sentences ("In September, U.S. officials
// ...") must not match, so the place has to open with a word in capitals and stay short.
import type {Dateline} from '../model/types.ts'

export interface Opening {
  /** Empty when the opening names only an agency: `(Bloomberg) --`. */
  place: string
  agency: string | null
}

// Every pattern runs on a bounded prefix, so even a megabyte-long first paragraph costs nothing.
const PREFIX = 160
const WITH_AGENCY = /^([^()]*?)\s*\(([^()]{1,40})\)\s*(?:—|–|-{1,2})/
const WITHOUT_AGENCY = /^([^()—–]{1,80}?)\s+(?:—|–|-{1,2})\s/
const CAPS_WORD = /^(?=.*\p{Lu})[\p{Lu}\p{N}.'’&-]+$/u
const PLACE_WORD = /^[\p{Lu}\p{N}][\p{L}\p{N}.'’&-]*$/u
const AGENCY = /^\p{Lu}[\p{L}\p{N}&.'’-]*(?: [\p{L}\p{N}&.'’-]+){0,3}$/u

/** A story's dateline: a place, an agency or both (`(Bloomberg) --`, `(CNN) —`). */
export function readDateline(paragraph: string): Dateline | null {
  const opening = readOpening(paragraph)
  return opening && (opening.place !== '' || opening.agency !== null) ? {place: opening.place, agency: opening.agency} : null
}

export function readOpening(text: string): Opening | null {
  const head = text.slice(0, PREFIX).trimStart()
  const withAgency = WITH_AGENCY.exec(head)
  if (withAgency) {
    const place = (withAgency[1] ?? '').trim()
    const agency = (withAgency[2] ?? '').trim()
    if (AGENCY.test(agency) && (place === '' || isPlace(place))) return {place, agency}
    return null
  }
  const withoutAgency = WITHOUT_AGENCY.exec(head)
  if (withoutAgency) {
    const place = (withoutAgency[1] ?? '').trim()
    if (isPlace(place)) return {place, agency: null}
  }
  return null
}

/** `SEOUL`, `OAKLAND, Calif.`, `ST. LOUIS, Mo.`, `LONDON, Nov 8`: capitals first, then a short tail. */
function isPlace(place: string): boolean {
  if (place.length > 60) return false
  const comma = place.indexOf(',')
  const city = (comma === -1 ? place : place.slice(0, comma)).trim().split(/\s+/)
  const region = comma === -1 ? [] : place.slice(comma + 1).trim().split(/\s+/)
  if (city.length > 4 || !city.every((word) => CAPS_WORD.test(word))) return false
  // `I — ` or `A - ` opens a sentence, not a dateline.
  if ((city[0] ?? '').replace(/[^\p{L}]/gu, '').length < 2) return false
  return region.length <= 5 && region.every((word) => PLACE_WORD.test(word.replace(/,$/, '')))
}

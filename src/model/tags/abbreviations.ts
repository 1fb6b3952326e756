// Abbreviations a story defines: `the Office for National Statistics (ONS)`, `Mobile Data
// Association (MDA)`. The full name is the tag; the short form counts for it in that story and, when
// the site defines it one way only, in every story that uses it alone (tags/select.ts).

/**
 * Short forms news uses without spelling them out, with the bodies each may stand for, commonest
 * first. Where there are several (`EC`: the European Commission today, the European Community in
 * the 1980s wires), a story that names one of them means it, else the one the site names most. A
 * story's own definition, and the one the site mostly gives, win over this table.
 */
export const COMMON_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  EC: ['European Commission', 'European Community'],
  EEC: ['European Economic Community'],
  ICO: ["Information Commissioner's Office", 'International Coffee Organization'],
  BoE: ['Bank of England'],
  ECB: ['European Central Bank'],
  ONS: ['Office for National Statistics'],
  CBI: ['Confederation of British Industry'],
  TUC: ['Trades Union Congress'],
  FSA: ['Financial Services Authority'],
  OFT: ['Office of Fair Trading'],
  SEC: ['Securities and Exchange Commission'],
  FTC: ['Federal Trade Commission'],
  FCC: ['Federal Communications Commission'],
  FDA: ['Food and Drug Administration'],
  IOC: ['International Olympic Committee'],
  OECD: ['Organisation for Economic Co-operation and Development'],
  NHS: ['National Health Service'],
  MoD: ['Ministry of Defence'],
  DTI: ['Department of Trade and Industry'],
  FAO: ['Food and Agriculture Organization'],
  WFP: ['World Food Programme'],
  IEA: ['International Energy Agency'],
  BRC: ['British Retail Consortium'],
  RICS: ['Royal Institution of Chartered Surveyors'],
  CML: ['Council of Mortgage Lenders'],
  MPC: ['Monetary Policy Committee'],
  BCC: ['British Chambers of Commerce'],
  IFS: ['Institute for Fiscal Studies'],
  ILO: ['International Labour Organization'],
  UNHCR: ['UN High Commissioner for Refugees'],
  GATT: ['General Agreement on Tariffs and Trade'],
  ASEAN: ['Association of Southeast Asian Nations'],
  IAEA: ['International Atomic Energy Agency'],
  ANC: ['African National Congress'],
  PLO: ['Palestine Liberation Organization'],
  USDA: ['US Department of Agriculture'],
  GM: ['General Motors'],
  VW: ['Volkswagen'],
  HP: ['Hewlett-Packard']
}

/** A run of capitalised words (with `of`, `for`, `on`, `and`, `&`, `the` between them), then `(ABBR)`. */
const DEFINITION = /((?:\p{Lu}[\p{L}'’&-]*)(?:\s+(?:of|for|on|and|&|the|de|\p{Lu}[\p{L}'’&-]*)){1,9})\s+\((\p{Lu}(?:\p{Lu}|&){1,6})\)/gu
const SMALL = new Set(['of', 'for', 'on', 'and', '&', 'the', 'de'])

/** The spelling a full name's candidate carries to say it defines `abbreviation` (never shown). */
export function definedSpelling(abbreviation: string): string {
  return `(${abbreviation})`
}

/** The abbreviation a spelling made by definedSpelling names, or null for an ordinary spelling. */
export function definedAbbreviation(spelling: string): string | null {
  return spelling.startsWith('(') && spelling.endsWith(')') ? spelling.slice(1, -1) : null
}

/** Each `Full Name (ABBR)` of `text` whose capitals spell the abbreviation: abbreviation → full name. */
export function definitions(text: string): Map<string, string> {
  const found = new Map<string, string>()
  if (!text.includes('(')) return found
  for (const match of text.matchAll(DEFINITION)) {
    const abbreviation = (match[2] ?? '').replace(/&/g, '')
    const words = (match[1] ?? '').split(/\s+/)
    // `But the Confederation of British Industry (CBI)`: the name is the longest tail that spells it.
    for (let start = 0; start < words.length - 1; start++) {
      const name = words.slice(start)
      if (SMALL.has((name[0] ?? '').toLowerCase())) continue
      // An abbreviation inside the name gives all its letters: `UK Internet Forum (UKIF)`.
      const initials = name.filter((word) => !SMALL.has(word.toLowerCase())).map((word) => (/^\p{Lu}{2,}$/u.test(word) ? word : word[0])).join('')
      if (initials.toUpperCase() === abbreviation.toUpperCase()) {
        found.set(match[2] ?? '', name.join(' ').replace(/['’]s$/, ''))
        break
      }
    }
  }
  return found
}

// Applies provider profiles (parse/providers.ts) to a story's body: the paragraphs a rule takes
// leave the body as credits or boilerplate, each with its line and the rule's name, so nothing of
// the file is lost and `check --explain` can say why a line left.
import type {ProviderProfile, RuleExtent, RuleTakes, RuleWhere, TakenLine} from '../model/types.ts'
import {patternFlags} from '../model/pattern-flags.ts'
import {ANY} from './providers.ts'

/** A body paragraph and the 1-based line it came from. */
export interface BodyLine {
  text: string
  line: number
}

interface CompiledRule {
  provider: string
  rule: string
  pattern: RegExp
  takes: RuleTakes
  where: RuleWhere
  extent: RuleExtent
}

export interface CompiledProfiles {
  rules: CompiledRule[]
  /** Lower-cased name as written → profile name. */
  names: Map<string, string>
  /** One test for "might any rule of this pass match", before the rules one by one. */
  gates: {scan: Gate; end: Gate}
}

type Gate = (text: string) => boolean

/** Rules of named providers first, the `any` rules last, so the most specific name is the one shown. */
export function compileProfiles(profiles: readonly ProviderProfile[]): CompiledProfiles {
  const ordered = [...profiles.filter((p) => p.name !== ANY), ...profiles.filter((p) => p.name === ANY)]
  const rules = ordered.flatMap((profile) =>
    profile.rules.map((rule) => ({
      provider: profile.name,
      rule: rule.name,
      pattern: new RegExp(rule.pattern, patternFlags(rule.pattern)),
      takes: rule.takes,
      where: rule.where,
      extent: rule.extent ?? 'paragraph'
    }))
  )
  const names = new Map<string, string>()
  for (const profile of ordered) for (const name of [profile.name, ...profile.names]) if (profile.name !== ANY) names.set(name.toLowerCase(), profile.name)
  const gates = {
    // The rules the forward passes try: closing blocks, and rules that fire at the top or anywhere.
    scan: gate(rules.filter((rule) => rule.extent === 'rest' || rule.where !== 'end')),
    end: gate(rules.filter((rule) => rule.extent !== 'rest'))
  }
  return {rules, names, gates}
}

/**
 * The rules of a pass as one alternation per flag set: most paragraphs match none, and one test of
 * the alternation costs a fraction of a test per rule (the twelve rules that may fire anywhere, on
 * 73,000 generated paragraphs: 17 ms against 89 ms). Parsing 3,000 bench articles took 339 ms with
 * the built-in rules and 287 ms with none (medians of five), where testing every rule on its own
 * in Unicode mode took 1,074 ms. A site's patterns that cannot share one regular expression (the
 * same group name twice) are tested one by one.
 */
function gate(rules: readonly CompiledRule[]): Gate {
  if (rules.length === 0) return () => false
  const sets = new Map<string, string[]>()
  for (const rule of rules) sets.set(rule.pattern.flags, [...(sets.get(rule.pattern.flags) ?? []), rule.pattern.source])
  try {
    const alternations = [...sets].map(([flags, sources]) => new RegExp(sources.map((source) => `(?:${source})`).join('|'), flags))
    return (text) => alternations.some((alternation) => alternation.test(text))
  } catch {
    return () => true
  }
}

export interface TakenBody {
  paragraphs: BodyLine[]
  credits: TakenLine[]
  boilerplate: TakenLine[]
  /** Providers whose own rules fired, in the order of the body. */
  providers: string[]
}

/** A promo list's item: a short headline, not a sentence of the story. */
const LIST_ITEM_MAX = 140
const LIST_ITEMS_MAX = 8
/** `top` rules look this far into the body. */
const TOP = 2
/** Paragraphs longer than this are story text: no rule's line is (the longest, a disclosure, ~1,000). */
const LONGEST_TAKEN = 1200

export function takeProviderLines(body: readonly BodyLine[], profiles: CompiledProfiles): TakenBody {
  const taken: Array<CompiledRule | null> = body.map(() => null)
  const texts = body.map((paragraph) => paragraph.text.trim())
  const match = (i: number, allowed: (rule: CompiledRule) => boolean): CompiledRule | null => {
    const text = texts[i]!
    return profiles.rules.find((rule) => allowed(rule) && rule.pattern.test(text)) ?? null
  }
  const {gates} = profiles
  // One test a paragraph decides whether the forward passes need to look at it at all.
  const scanned = texts.map((text) => text.length <= LONGEST_TAKEN && gates.scan(text))
  // A closing block (`rest`) takes its paragraph and all after it; never the first paragraph.
  for (let i = 1; i < body.length; i++) {
    if (!scanned[i]) continue
    const rule = match(i, (r) => r.extent === 'rest')
    if (rule === null) continue
    for (let j = i; j < body.length; j++) taken[j] = rule
    break
  }
  for (let i = 0; i < body.length; i++) {
    if (taken[i] !== null || !scanned[i]) continue
    const rule = match(i, (r) => r.extent !== 'rest' && (r.where === 'anywhere' || (r.where === 'top' && i < TOP)))
    if (rule === null) continue
    taken[i] = rule
    if (rule.extent !== 'list') continue
    for (let j = i + 1, items = 0; j < body.length && items < LIST_ITEMS_MAX && taken[j] === null && isListItem(body[j]!.text); j++, items++) taken[j] = rule
  }
  // `end` rules: the run of taken paragraphs at the end of the body, read backwards.
  for (let i = body.length - 1; i >= 0; i--) {
    if (taken[i] !== null) continue
    const rule = texts[i]!.length <= LONGEST_TAKEN && gates.end(texts[i]!) ? match(i, (r) => r.extent !== 'rest' && (r.where !== 'top' || i < TOP)) : null
    if (rule === null) break
    taken[i] = rule
  }
  const result: TakenBody = {paragraphs: [], credits: [], boilerplate: [], providers: []}
  for (const [i, paragraph] of body.entries()) {
    const rule = taken[i]
    if (rule === null || rule === undefined) {
      result.paragraphs.push(paragraph)
      continue
    }
    const line = {line: paragraph.line, text: paragraph.text, rule: `${rule.provider}/${rule.rule}`}
    if (rule.takes === 'credit') result.credits.push(line)
    else result.boilerplate.push(line)
    if (rule.provider !== ANY && !result.providers.includes(rule.provider)) result.providers.push(rule.provider)
  }
  return result
}

function isListItem(text: string): boolean {
  const item = text.trim()
  return item.length > 0 && item.length <= LIST_ITEM_MAX && !/[.!:;,"”]$/.test(item) && item.includes(' ')
}

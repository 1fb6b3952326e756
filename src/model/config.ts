// broadsheet.config.json: defaults, and validation that names the key at fault.
import {patternFlags} from './pattern-flags.ts'
import type {ProviderProfile, SectionConfig, SiteConfig, TagsConfig} from './types.ts'

export const defaultConfig: SiteConfig = {
  title: 'Broadsheet',
  description: 'The news, day by day.',
  baseUrl: null,
  language: 'en',
  pageSize: 20,
  feedSize: 20,
  homeDays: 7,
  maxFileBytes: 5_000_000,
  tags: {max: 8, minStories: 2, aliases: {}, stop: []},
  recommended: 'all',
  sections: [],
  providers: [],
  fileUrls: false
}

export type ConfigResult = {ok: true; config: SiteConfig} | {ok: false; errors: string[]}

type Check = (value: unknown, key: string) => string | null

const string: Check = (v, key) => (typeof v === 'string' ? null : `${key} must be a string`)
const positiveInt: Check = (v, key) =>
  Number.isInteger(v) && (v as number) > 0 ? null : `${key} must be a positive whole number`
const stringList: Check = (v, key) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : `${key} must be a list of strings`
const stringMap: Check = (v, key) =>
  isPlainObject(v) && Object.values(v).every((x) => typeof x === 'string')
    ? null
    : `${key} must be an object of strings`
const url: Check = (v, key) => {
  if (v === null) return null
  if (typeof v !== 'string') return `${key} must be an absolute http(s) URL or null`
  try {
    const parsed = new URL(v)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? null
      : `${key} must be an absolute http(s) URL or null`
  } catch {
    return `${key} must be an absolute http(s) URL or null`
  }
}
const language: Check = (v, key) =>
  typeof v === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(v)
    ? null
    : `${key} must be a language tag such as "en" or "en-GB"`

const RULE_TAKES = ['boilerplate', 'credit']
const RULE_WHERE = ['top', 'end', 'anywhere']
const RULE_EXTENT = ['paragraph', 'list', 'rest']

/** `providers`: a list of profiles as parse/providers.ts writes them, each pattern a valid regular expression. */
const providers: Check = (v, key) => {
  if (!Array.isArray(v)) return `${key} must be a list of provider profiles ({"name", "names", "rules"})`
  const errors: string[] = []
  for (const [i, profile] of (v as unknown[]).entries()) errors.push(...profileErrors(profile, `${key}[${i}]`))
  return errors.length === 0 ? null : errors.join('; ')
}

function profileErrors(profile: unknown, at: string): string[] {
  if (!isPlainObject(profile)) return [`${at} must be an object with "name", "names" and "rules"`]
  const errors: string[] = []
  for (const key of Object.keys(profile)) if (!['name', 'names', 'rules'].includes(key)) errors.push(`unknown key "${at}.${key}"`)
  if (typeof profile['name'] !== 'string' || profile['name'].trim() === '') errors.push(`${at}.name must be a non-empty string`)
  if (stringList(profile['names'] ?? [], '') !== null) errors.push(`${at}.names must be a list of strings`)
  if (!Array.isArray(profile['rules'])) return [...errors, `${at}.rules must be a list of rules ({"name", "pattern", "takes", "where"})`]
  for (const [j, rule] of (profile['rules'] as unknown[]).entries()) errors.push(...ruleErrors(rule, `${at}.rules[${j}]`))
  return errors
}

function ruleErrors(rule: unknown, at: string): string[] {
  if (!isPlainObject(rule)) return [`${at} must be an object with "name", "pattern", "takes" and "where"`]
  const errors: string[] = []
  for (const key of Object.keys(rule)) if (!['name', 'pattern', 'takes', 'where', 'extent'].includes(key)) errors.push(`unknown key "${at}.${key}"`)
  if (typeof rule['name'] !== 'string' || rule['name'] === '') errors.push(`${at}.name must be a non-empty string`)
  if (typeof rule['pattern'] !== 'string') errors.push(`${at}.pattern must be a regular expression, as a string`)
  else {
    try {
      new RegExp(rule['pattern'], patternFlags(rule['pattern']))
    } catch (error) {
      errors.push(`${at}.pattern is not a valid regular expression: ${(error as Error).message}`)
    }
  }
  if (!RULE_TAKES.includes(rule['takes'] as string)) errors.push(`${at}.takes must be one of ${RULE_TAKES.join(', ')}`)
  if (!RULE_WHERE.includes(rule['where'] as string)) errors.push(`${at}.where must be one of ${RULE_WHERE.join(', ')}`)
  if (rule['extent'] !== undefined && !RULE_EXTENT.includes(rule['extent'] as string)) errors.push(`${at}.extent must be one of ${RULE_EXTENT.join(', ')}`)
  return errors
}

/** `sections`: a list of {"name", "from", "hidden"}, each name once. */
const sections: Check = (v, key) => {
  if (!Array.isArray(v)) return `${key} must be a list of sections ({"name", "from", "hidden"})`
  const errors: string[] = []
  const names = new Set<string>()
  for (const [i, section] of (v as unknown[]).entries()) {
    const at = `${key}[${i}]`
    if (!isPlainObject(section)) {
      errors.push(`${at} must be an object with "name" and optionally "from" and "hidden"`)
      continue
    }
    for (const k of Object.keys(section)) if (!['name', 'from', 'hidden'].includes(k)) errors.push(`unknown key "${at}.${k}"`)
    if (typeof section['name'] !== 'string' || section['name'].trim() === '') errors.push(`${at}.name must be a non-empty string`)
    else if (names.has(section['name'].toLowerCase())) errors.push(`${at}.name "${section['name']}" is named twice`)
    else names.add(section['name'].toLowerCase())
    if (section['from'] !== undefined && stringList(section['from'], '') !== null) errors.push(`${at}.from must be a list of folder names`)
    if (section['hidden'] !== undefined && typeof section['hidden'] !== 'boolean') errors.push(`${at}.hidden must be true or false`)
  }
  return errors.length === 0 ? null : errors.join('; ')
}

const siteChecks: Record<Exclude<keyof SiteConfig, 'tags'>, Check> = {
  title: string,
  description: string,
  baseUrl: url,
  language,
  pageSize: positiveInt,
  feedSize: positiveInt,
  homeDays: positiveInt,
  maxFileBytes: positiveInt,
  recommended: (v, key) => (v === 'all' || v === 'linked' || v === 'none' ? null : `${key} must be "all", "linked" or "none"`),
  sections,
  providers,
  fileUrls: (v, key) => (typeof v === 'boolean' ? null : `${key} must be true or false`)
}

const tagChecks: Record<keyof TagsConfig, Check> = {
  max: positiveInt,
  minStories: positiveInt,
  aliases: stringMap,
  stop: stringList
}

/** Validate a parsed config file against the defaults. `raw` is whatever JSON.parse gave. */
export function resolveConfig(raw: unknown): ConfigResult {
  if (raw === undefined) return {ok: true, config: structuredClone(defaultConfig)}
  if (!isPlainObject(raw)) return {ok: false, errors: ['the config must be a JSON object']}
  const errors: string[] = []
  const config = structuredClone(defaultConfig) as unknown as Record<string, unknown>
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'tags') {
      if (!isPlainObject(value)) {
        errors.push('tags must be an object')
        continue
      }
      const tags = config['tags'] as Record<string, unknown>
      for (const [tagKey, tagValue] of Object.entries(value)) {
        const check = tagChecks[tagKey as keyof TagsConfig]
        if (!check) errors.push(`unknown key "tags.${tagKey}"`)
        else report(check(tagValue, `tags.${tagKey}`), () => (tags[tagKey] = tagValue))
      }
      continue
    }
    const check = siteChecks[key as keyof typeof siteChecks]
    if (!check) errors.push(`unknown key "${key}"`)
    else report(check(value, key), () => (config[key] = value))
  }
  if (errors.length > 0) return {ok: false, errors}
  const site = config as unknown as SiteConfig
  return {
    ok: true,
    config: {...site, baseUrl: withTrailingSlash(site.baseUrl), sections: site.sections.map(withDefaults), providers: site.providers.map(withNames)}
  }

  function report(error: string | null, apply: () => void): void {
    if (error) errors.push(error)
    else apply()
  }
}

/** `--base-url` on the command line wins over the file; it is checked the same way. */
export function withBaseUrl(config: SiteConfig, baseUrl: string): ConfigResult {
  const error = url(baseUrl, '--base-url')
  return error ? {ok: false, errors: [error]} : {ok: true, config: {...config, baseUrl: withTrailingSlash(baseUrl)}}
}

/** A profile as the parser takes it: `names` may be left out of the file. */
function withNames(profile: ProviderProfile): ProviderProfile {
  return {name: profile.name, names: profile.names ?? [], rules: profile.rules}
}

/** A section as the config file may write it: `from` defaults to the name, `hidden` to false. */
function withDefaults(section: Partial<SectionConfig> & {name: string}): SectionConfig {
  return {name: section.name.trim(), from: section.from ?? [section.name], hidden: section.hidden ?? false}
}

function withTrailingSlash(baseUrl: string | null): string | null {
  if (baseUrl === null) return null
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

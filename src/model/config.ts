// broadsheet.config.json: defaults, and validation that names the key at fault.
import type {SiteConfig, TagsConfig} from './types.ts'

export const defaultConfig: SiteConfig = {
  title: 'Broadsheet',
  description: 'The news, day by day.',
  baseUrl: null,
  language: 'en',
  pageSize: 20,
  homeDays: 7,
  maxFileBytes: 5_000_000,
  tags: {max: 6, minStories: 2, aliases: {}, stop: []}
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

const siteChecks: Record<Exclude<keyof SiteConfig, 'tags'>, Check> = {
  title: string,
  description: string,
  baseUrl: url,
  language,
  pageSize: positiveInt,
  homeDays: positiveInt,
  maxFileBytes: positiveInt
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
  return {ok: true, config: {...site, baseUrl: withTrailingSlash(site.baseUrl)}}

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

function withTrailingSlash(baseUrl: string | null): string | null {
  if (baseUrl === null) return null
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

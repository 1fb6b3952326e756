// broadsheet.config.json: read, validated, with the command line's overrides applied. Every
// command that reads content (build, dev, check, parse, tags) takes its config from here.
import {existsSync, readFileSync} from 'node:fs'
import {resolveConfig, withBaseUrl} from '../model/config.ts'
import type {SiteConfig} from '../model/types.ts'

export interface ConfigOptions {
  /** Path of broadsheet.config.json; when omitted, `broadsheet.config.json` is used if present. */
  config?: string
  baseUrl?: string
  /** Links that end in `index.html`, for a site opened from disk; true wins over the config's `fileUrls`. */
  fileUrls?: boolean
}

/** The config file (or `options.config`), validated, with `--base-url` and `--file-urls` applied. */
export function loadConfig(options: ConfigOptions): SiteConfig | {errors: string[]} {
  const file = options.config ?? (existsSync('broadsheet.config.json') ? 'broadsheet.config.json' : undefined)
  let raw: unknown
  if (file !== undefined) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      return {errors: [`${file}: ${(error as Error).message}`]}
    }
  }
  const resolved = resolveConfig(raw)
  if (!resolved.ok) return {errors: resolved.errors.map((e) => `${file}: ${e}`)}
  const config = options.fileUrls === true ? {...resolved.config, fileUrls: true} : resolved.config
  if (options.baseUrl === undefined) return config
  const withBase = withBaseUrl(config, options.baseUrl)
  return withBase.ok ? withBase.config : {errors: withBase.errors}
}

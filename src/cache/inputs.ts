// What a build is made from, as hashes: the same hashes, the same site.
import type {BuildReport, Diagnostic, SiteConfig, Templates} from '../model/types.ts'
import {hashOf} from './version.ts'

/** Every content file's path with its content hash (or the error reading it gave), and what was skipped and why. */
export function filesHash(sources: readonly string[], hashes: ReadonlyArray<string | Diagnostic>, skipped: ReadonlyArray<BuildReport['skipped'][number]>): string {
  return hashOf([sources.map((source, i) => [source, hashes[i]]), skipped])
}

/** What a build is made from, as `modelInputs` and `siteInputs` give them. */
export interface BuildInputs {
  /** What its site model is made from. */
  model: string
  /** What its output is made from: the model's inputs and the templates (a manifest's `build.inputs`). */
  site: string
}

/** Everything the site model is made from: the content files, the config, and whether drafts are in. */
export function modelInputs(files: string, config: SiteConfig, drafts: boolean): string {
  return hashOf([files, config, drafts])
}

/** Everything the output is made from: the model's inputs (`modelInputs`) and the templates. */
export function siteInputs(model: string, templates: Templates): string {
  return hashOf([model, templates])
}

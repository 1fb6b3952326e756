// What a build is made from, as hashes: the same hashes, the same site.
import type {BuildReport, Diagnostic, SiteConfig, Templates} from '../model/types.ts'
import {hashOf} from './version.ts'

/** Every content file's path with its content hash (or the error reading it gave), and what was skipped and why. */
export function filesHash(sources: readonly string[], hashes: ReadonlyArray<string | Diagnostic>, skipped: ReadonlyArray<BuildReport['skipped'][number]>): string {
  return hashOf([sources.map((source, i) => [source, hashes[i]]), skipped])
}

/** Everything the model and the pages are made from: the content files, the config, drafts or not, and the templates. */
export function siteInputs(files: string, config: SiteConfig, drafts: boolean, templates: Templates): string {
  return hashOf([files, config, drafts, templates])
}

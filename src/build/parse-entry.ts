// Parsing one file's text into what the read stage keeps of it: the parse result, with the
// article's strings made its own (build/memory.ts), and its tag candidates. Pure, so a file parses
// to the same entry on the main thread and on the parse helper thread (threads/parse-helper.ts).
import type {ParsedEntry} from '../model/parsed.ts'
import {packedMentions, packMentions} from '../model/tags/index.ts'
import type {Vocabulary} from '../model/tags/mentions.ts'
import type {Diagnostic, ParseResult, SiteConfig} from '../model/types.ts'
import {parse, type ParseOptions} from '../parse/index.ts'
import {compileProfiles} from '../parse/provider-rules.ts'
import {providerProfiles} from '../parse/providers.ts'
import {compactArticle} from './memory.ts'

/** Parsing a file's text, and the tag candidates of the article it gives. */
export function parseEntry(text: string, decoded: Diagnostic[], source: string, vocabulary: Vocabulary, options: ParseOptions = {}): ParsedEntry {
  const parsed = parse(text, source, options)
  const result: ParseResult = parsed.ok ? {ok: true, article: compactArticle(parsed.article)} : parsed
  return {result, decoded, mentions: result.ok ? packedMentions(result.article, vocabulary) : packMentions([], vocabulary.shared)}
}

const compiledProviders = new WeakMap<SiteConfig, ParseOptions>()

/** The site's provider profiles, compiled once for all of its files. */
export function parseOptionsFor(config: SiteConfig): ParseOptions {
  let options = compiledProviders.get(config)
  if (options === undefined) compiledProviders.set(config, (options = {providers: compileProfiles(providerProfiles(config.providers))}))
  return options
}

// `broadsheet parse`: the parsed articles of the files given, as JSON.
import path from 'node:path'
import {readOneFile} from '../../build/read-stage.ts'
import type {ParseResult} from '../../model/types.ts'
import {configOf, configOption, type Command} from '../command.ts'

/** A failed file keeps the article's shape, so a consumer of the JSON can read every entry alike. */
function parsedJson(result: ParseResult): object {
  if (result.ok) return result.article
  return {
    // A file that is not an article (HTML, JSON, binary) is skipped, with its reason: not an error.
    source: result.source, error: result.skipped === undefined, ...(result.skipped === undefined ? {} : {skipped: result.skipped}), format: null, headline: null, date: null, slug: null, byline: null,
    authors: [], publisher: null, kind: null, commentCount: null, readingMinutes: null, dateline: null, paragraphs: [],
    footer: [], credits: [], boilerplate: [], recommended: [], tags: [], draft: false, summary: null, diagnostics: result.diagnostics
  }
}

export const parseCommand: Command = {
  summary: 'print the parsed articles of FILE... as JSON',
  args: 'FILE...',
  options: {config: configOption},
  async run(values, files, io) {
    if (files.length === 0) {
      io.stderr.write('broadsheet parse: give one or more files to parse\n')
      return 2
    }
    const config = configOf(values, 'parse', io)
    if (config === null) return 1
    const results: ParseResult[] = []
    for (const file of files) results.push(await readOneFile(path.resolve(file), file, file, config))
    io.stdout.write(`${JSON.stringify(results.map(parsedJson), null, 2)}\n`)
    return results.every((r) => r.ok || r.skipped !== undefined) ? 0 : 1
  }
}


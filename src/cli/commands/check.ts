// `broadsheet check`: every file of a content folder parsed, and its problems printed.
import path from 'node:path'
import {readOneFile} from '../../build/read-stage.ts'
import type {Article, Diagnostic} from '../../model/types.ts'
import {listContentFiles, SKIP_SPECIAL, SKIP_SYMLINK} from '../../read/list.ts'
import {count} from '../../text/count.ts'
import {configOf, configOption, contentOption, type Command} from '../command.ts'

export const checkCommand: Command = {
  summary: 'parse every file of a content folder and report problems',
  options: {
    content: contentOption,
    config: configOption,
    explain: {type: 'boolean', default: false, help: 'also print, per file, its publisher and kind, and each line taken out of the body with the rule that took it'}
  },
  async run(values, _positionals, io) {
    const dir = String(values['content'])
    const config = configOf(values, 'check', io)
    if (config === null) return 1
    let listing
    try {
      listing = await listContentFiles(dir)
    } catch (error) {
      io.stderr.write(`broadsheet check: cannot read ${dir}: ${(error as Error).message}\n`)
      return 2
    }
    let articles = 0
    let errors = 0
    let warnings = 0
    const print = (file: string, d: Diagnostic): void => {
      if (d.severity === 'error') errors++
      else warnings++
      io.stdout.write(`${file}:${d.line}: ${d.severity}: ${d.message}\n`)
    }
    // Hidden files and editor backups are skipped quietly; a symlink or a device is worth a word.
    for (const skip of listing.skipped) {
      if (skip.reason === SKIP_SYMLINK || skip.reason === SKIP_SPECIAL) {
        print(path.join(dir, skip.source), {severity: 'warning', line: 0, message: `skipped: ${skip.reason}`})
      }
    }
    for (const rel of listing.files) {
      const shown = path.join(dir, rel)
      const result = await readOneFile(path.resolve(dir, rel), shown, rel, config)
      if (result.ok) articles++
      for (const d of result.ok ? result.article.diagnostics : result.diagnostics) print(shown, d)
      if (values['explain'] === true && result.ok) io.stdout.write(explanation(shown, result.article))
    }
    io.stdout.write(`${count(listing.files.length, 'file')}, ${count(articles, 'article')}, ${count(errors, 'error')}, ${count(warnings, 'warning')}\n`)
    return errors > 0 ? 1 : 0
  }
}

/** `check --explain`: why each line left the body, and what the file was read as. */
function explanation(file: string, article: Article): string {
  const lines = [`${file}: publisher ${article.publisher ?? 'none'}, ${article.kind}, ${count(article.paragraphs.length, 'body paragraph')}`]
  const taken = [...article.credits.map((line) => ({...line, as: 'credit'})), ...article.boilerplate.map((line) => ({...line, as: 'boilerplate'}))]
  for (const line of taken.sort((a, b) => a.line - b.line)) lines.push(`${file}:${line.line}: ${line.as} by ${line.rule}: ${line.text}`)
  return `${lines.join('\n')}\n`
}


// `broadsheet build`: the site from a content folder, written into an output folder.
import {writeFileSync} from 'node:fs'
import {build} from '../../build/index.ts'
import {count, storyCount} from '../../text/count.ts'
import {describeState, errorMessage, stateAfter} from '../../write/failure.ts'
import {buildOptionsFrom, progressLine, recovered, siteOptions, type Command} from '../command.ts'

export const buildCommand: Command = {
  summary: 'build the site from a content folder into an output folder',
  options: {
    ...siteOptions,
    report: {type: 'string', value: 'FILE', help: 'also write the report (stories, errors, warnings, duplicates, skipped) as JSON'},
    'file-urls': {type: 'boolean', default: false, help: 'links end in index.html, so the output folder works opened from disk (config: fileUrls)'},
    quiet: {type: 'boolean', default: false, help: 'print problems and the summary line only'}
  },
  async run(values, _positionals, io) {
    const started = performance.now()
    const quiet = values['quiet'] === true
    if (!recovered(String(values['out']), 'build', io)) return 1
    let staging: {abort(): void} | null = null
    const stopListening = io.onStop((signal) => {
      staging?.abort()
      io.stderr.write(`broadsheet build: stopped by ${signal}; the output folder is unchanged\n`)
      io.exit(signal === 'SIGINT' ? 130 : 143)
    })
    const progress = quiet ? null : progressLine(started, io)
    let result
    try {
      result = await build({
        ...buildOptionsFrom(values),
        onStep: (line) => {
          progress?.clear()
          if (!quiet) io.stderr.write(`${line}\n`)
        },
        ...(progress ? {onProgress: progress.show} : {}),
        onOutput: (output) => (staging = output)
      })
    } catch (error) {
      // A missing content or templates folder, a full disk: the output folder is as it was.
      progress?.clear()
      // The write step knows what state it left the output folder in (write/failure.ts).
      io.stderr.write(`broadsheet build: ${errorMessage(error)}; ${describeState(String(values['out']), stateAfter(error))}\n`)
      return 1
    } finally {
      stopListening()
    }
    progress?.clear()
    for (const line of result.fatal) io.stderr.write(`broadsheet build: ${line}\n`)
    for (const line of result.notices) io.stderr.write(`broadsheet build: warning: ${line}\n`)
    for (const e of result.report.errors) io.stderr.write(`${e.source}:${e.line}: error: ${e.message}\n`)
    for (const w of result.report.warnings) io.stderr.write(`${w.source}:${w.line}: warning: ${w.message}\n`)
    // One line for a shape the README documents, not a warning a file.
    const undated = result.report.stories.filter((story) => story.date === null).length
    if (undated > 0) io.stderr.write(`${undated.toLocaleString('en-GB')} undated ${undated === 1 ? 'story' : 'stories'}: no date in the text or path\n`)
    if (typeof values['report'] === 'string') {
      writeFileSync(values['report'], `${JSON.stringify(result.report, null, 2)}\n`)
    }
    const {report} = result
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    io.stdout.write(
      `${count(result.files, 'file')} → ${storyCount(report.stories.length)}, ${count(result.pages, 'output file')}; ` +
        `${count(result.failed, 'error')}, ${count(report.warnings.length, 'warning')}, ${count(report.duplicates.length, 'duplicate')}, ` +
        `${report.skipped.length} skipped in ${seconds} s\n`
    )
    if (!result.published) {
      io.stderr.write(`broadsheet build: nothing published; ${values['out']} is unchanged\n`)
      return 1
    }
    return 0
  }
}


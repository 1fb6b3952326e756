// `broadsheet new`: a new article file with today's date and the headline given.
import {contentOption, type Command} from '../command.ts'
import {cleanHeadline, writeNewArticle} from '../new-article.ts'

export const newCommand: Command = {
  summary: "start a new article file with today's date and the headline given",
  args: '"Headline"',
  options: {content: {...contentOption, help: 'the folder to write it in'}},
  async run(values, positionals, io) {
    const headline = cleanHeadline(positionals.join(' '))
    if (headline === null) {
      io.stderr.write('broadsheet new: give the headline, e.g. npm run broadsheet -- new "Markets rally"\n')
      return 2
    }
    // The editor's calendar day, as they would write it on the file.
    const now = new Date()
    const date = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-')
    try {
      io.stdout.write(`${writeNewArticle(String(values['content']), headline, date)}\n`)
      return 0
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const message = code === 'EEXIST' ? `${(error as NodeJS.ErrnoException).path} already exists; not overwriting it` : (error as Error).message
      io.stderr.write(`broadsheet new: ${message}\n`)
      return 1
    }
  }
}


// `broadsheet tags`: every tag of a content folder with its story count and kind.
import {readArticles, uncached} from '../../build/read-stage.ts'
import {buildSiteFromMentions} from '../../model/site.ts'
import type {BuildReport} from '../../model/types.ts'
import {configOf, configOption, contentOption, draftsOption, type Command} from '../command.ts'

export const tagsCommand: Command = {
  summary: 'list every tag of a content folder with its story count and kind, most used first',
  options: {content: contentOption, config: configOption, drafts: draftsOption},
  async run(values, _positionals, io) {
    const config = configOf(values, 'tags', io)
    if (config === null) return 1
    const report: BuildReport = {stories: [], errors: [], warnings: [], duplicates: [], skipped: []}
    let read
    try {
      read = await readArticles({content: String(values['content']), drafts: values['drafts'] === true}, config, uncached(), report)
    } catch (error) {
      io.stderr.write(`broadsheet tags: cannot read ${values['content']}: ${(error as Error).message}\n`)
      return 2
    }
    // The same model as a build, so these are the counts the tag pages will show.
    const {site} = buildSiteFromMentions(read.articles, read.mentions, config, String(values['content']))
    io.stdout.write(site.tags.map((tag) => `${tag.stories.length}\t${tag.name}\t${tag.kind}\n`).join(''))
    return 0
  }
}


// `npm run eval:tags`: the derived tags of the BBC corpus (../shared/corpus/bbc/, built with the
// default config as `build` does) against the labels an editor gave 150 of its stories
// (tests/corpus/fixtures/tag-labels.json). Prints micro precision, recall and F1, and recall by kind;
// with `--verbose` (`npm run eval:tags -- --verbose`), first each story's missed labels and extra tags.
import {readFileSync} from 'node:fs'
import process from 'node:process'
import {defaultConfig} from '../src/model/config.ts'
import {deriveTags} from '../src/model/tags/index.ts'
import {missingCorpus} from '../tests/corpus/shared.ts'
import {bbcArticles} from '../tests/model/story-files.ts'
import {LABEL_KINDS, matches, normalise, score, type Labels} from './tag-eval/evaluate.ts'

export const LABELS = new URL('../tests/corpus/fixtures/tag-labels.json', import.meta.url)

/** The editor's labels of the 150 stories. */
export function readLabels(): Labels[] {
  return JSON.parse(readFileSync(LABELS, 'utf8')) as Labels[]
}

/** The score of the tags a build derives for the whole BBC corpus, on the labelled stories. */
export function evaluateBbcTags(): ReturnType<typeof score> {
  const {labels, tagsOf} = bbcTags()
  return score(labels, tagsOf)
}

function bbcTags(): {labels: Labels[]; tagsOf: (file: string) => readonly string[]} {
  const labels = readLabels()
  const articles = bbcArticles()
  const tags = deriveTags(articles, defaultConfig.tags)
  const bySource = new Map(articles.map((article, i) => [article.source, tags[i] ?? []]))
  return {labels, tagsOf: (file) => bySource.get(file) ?? []}
}

/** `--verbose`: each labelled story's missed labels (with their kind) and tags no label matched. */
function errors(labels: readonly Labels[], tagsOf: (file: string) => readonly string[]): string {
  let out = ''
  for (const story of labels) {
    const unused = [...new Set(tagsOf(story.file))]
    const lines: string[] = []
    for (const kind of LABEL_KINDS) {
      for (const label of new Set(story[kind])) {
        const at = unused.findIndex((tag) => matches(normalise(tag), normalise(label), kind))
        if (at === -1) lines.push(`  missed ${kind}: ${label}`)
        else unused.splice(at, 1)
      }
    }
    for (const tag of unused) lines.push(`  extra: ${tag}`)
    if (lines.length > 0) out += `${story.file}\n${lines.join('\n')}\n`
  }
  return out
}

if (process.argv[1]?.endsWith('eval-tags.ts')) {
  const missing = missingCorpus()
  if (missing !== null) {
    process.stderr.write(`eval:tags: ${missing}\n`)
    process.exit(1)
  }
  if (process.argv.includes('--verbose')) {
    const {labels, tagsOf} = bbcTags()
    process.stdout.write(errors(labels, tagsOf))
  }
  const result = evaluateBbcTags()
  const pct = (n: number) => n.toFixed(3)
  process.stdout.write(
    `${result.stories} labelled stories, ${result.labels} labels, ${result.tags} tags, ${result.matched} matched\n` +
      `micro precision ${pct(result.precision)}, recall ${pct(result.recall)}, F1 ${pct(result.f1)}\n` +
      LABEL_KINDS.map((kind) => `recall of ${kind}: ${pct(result.byKind[kind].recall)} (${result.byKind[kind].matched} of ${result.byKind[kind].labels})`).join('\n') +
      '\n'
  )
}

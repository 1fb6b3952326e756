// The changes a rebuild is measured after: what a site's users do between two builds. Each is made
// on top of the ones before it (every rebuild sees exactly one change since the last build), and
// `restore` puts the corpus and the bench's templates back as they were, so the next run starts
// from the same files.
import {appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import path from 'node:path'

export const CHANGE_KINDS = [
  'touched (mtime only)',
  'paragraph added at the end of a body',
  'sentence added to the opening paragraph',
  'headline corrected',
  'sentence with two new place names',
  'one story added',
  'one story deleted',
  '100 stories appended',
  'template changed',
] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

/** Each kind's target, as a fraction of the cold build of the same run (issue 30), at 10,000 stories. */
export const TARGET_10K: Record<ChangeKind, number> = {
  'touched (mtime only)': 0.1,
  'paragraph added at the end of a body': 0.1,
  'sentence added to the opening paragraph': 0.1,
  'headline corrected': 0.1,
  'sentence with two new place names': 0.1,
  'one story added': 0.1,
  'one story deleted': 0.1,
  '100 stories appended': 0.15,
  'template changed': 0.6,
}

/** At 100,000 stories: every single-story change and the append, 0.05 × cold. */
export const TARGET_100K: Partial<Record<ChangeKind, number>> = Object.fromEntries(
  CHANGE_KINDS.filter((kind) => kind !== 'template changed').map((kind) => [kind, 0.05]),
)

export interface NewArticle {
  /** `YYYY/MM/name` without extension. */
  stem: string
  scraped: string
}

export interface ChangeSite {
  /** The scraped corpus folder. */
  content: string
  /** The corpus's files, by index: `stems[i]` + `.txt`. */
  stems: readonly string[]
  /** The templates folder the bench builds with (a copy of the repository's). */
  templates: string
  /** Articles that are not in the corpus yet, newest day of all: the daily scrape. */
  fresh: (count: number) => NewArticle[]
}

export interface Changes {
  /** Makes the change `kind`; returns what it did, for the log. */
  apply(kind: ChangeKind): string
  /** Puts every file the changes touched back as it was, and removes the files they added. */
  restore(): void
}

/** A rule that ends the body: the first `___` line (the generated files always have one). */
const FOOTER_RULE = '\n\n___\n'

export function openChanges(site: ChangeSite): Changes {
  const originals = new Map<string, string | null>()
  const file = (i: number) => path.join(site.content, `${site.stems[i]}.txt`)
  const remember = (target: string) => {
    if (!originals.has(target)) originals.set(target, existsSync(target) ? readFileSync(target, 'utf8') : null)
  }
  const edit = (target: string, change: (text: string) => string) => {
    remember(target)
    const before = readFileSync(target, 'utf8')
    const after = change(before)
    if (after === before) throw new Error(`the bench's change left ${target} as it was`)
    writeFileSync(target, after)
  }
  const add = (article: NewArticle) => {
    const target = path.join(site.content, `${article.stem}.txt`)
    remember(target)
    mkdirSync(path.dirname(target), {recursive: true})
    writeFileSync(target, article.scraped)
  }
  // Stories spread over the corpus, one a kind, so that no change undoes another.
  const n = site.stems.length
  const at = (fraction: number) => Math.min(n - 1, Math.floor(n * fraction))
  const fresh = site.fresh(101)

  const apply = (kind: ChangeKind): string => {
    switch (kind) {
      case 'touched (mtime only)': {
        const target = file(at(0.5))
        const stat = statSync(target)
        utimesSync(target, stat.atime, new Date(Math.max(Date.now(), stat.mtimeMs + 1000)))
        return site.stems[at(0.5)]!
      }
      case 'paragraph added at the end of a body':
        edit(file(at(1 / 3)), (text) => insertBefore(text, FOOTER_RULE, '\n\nThis paragraph was added by the bench to measure a rebuild after one story changed.'))
        return site.stems[at(1 / 3)]!
      case 'sentence added to the opening paragraph':
        edit(file(at(0.6)), (text) => withLeadSentence(text, 'Officials said on Tuesday that the talks would go on.'))
        return site.stems[at(0.6)]!
      case 'headline corrected':
        edit(file(at(0.7)), (text) => text.replace(/^( date \S+ )(.*)$/m, (_, head: string, headline: string) => `${head}Corrected: ${headline}`))
        return site.stems[at(0.7)]!
      case 'sentence with two new place names':
        edit(file(at(0.8)), (text) => withLeadSentence(text, 'Delegations from Iceland and Uruguay joined the meeting in Reykjavik.'))
        return site.stems[at(0.8)]!
      case 'one story added':
        add(fresh[0]!)
        return fresh[0]!.stem
      case 'one story deleted': {
        const target = file(at(0.25))
        remember(target)
        rmSync(target)
        return site.stems[at(0.25)]!
      }
      case '100 stories appended':
        for (const article of fresh.slice(1)) add(article)
        return `${fresh[1]!.stem} … ${fresh.at(-1)!.stem}`
      case 'template changed': {
        const layout = path.join(site.templates, 'layouts', 'base.liquid')
        remember(layout)
        appendFileSync(layout, '<!-- changed by the bench -->\n')
        return 'layouts/base.liquid: a comment at the end of every page'
      }
    }
  }

  return {
    apply,
    restore() {
      for (const [target, text] of originals) {
        if (text === null) rmSync(target, {force: true})
        else writeFileSync(target, text)
      }
      originals.clear()
    },
  }
}

function insertBefore(text: string, marker: string, insert: string): string {
  const at = text.indexOf(marker)
  if (at === -1) throw new Error(`no ${JSON.stringify(marker)} in a bench article`)
  return text.slice(0, at) + insert + text.slice(at)
}

/** `sentence` added to the end of the body's first paragraph, which begins after the header's second blank line. */
export function withLeadSentence(text: string, sentence: string): string {
  const first = text.indexOf('\n\n')
  const second = text.indexOf('\n\n', first + 2)
  if (first === -1 || second === -1) throw new Error('a bench article without a header')
  const end = text.indexOf('\n\n', second + 2)
  return `${text.slice(0, end)} ${sentence}${text.slice(end)}`
}

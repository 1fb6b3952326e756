// What a build keeps of an article, kept small. A file's text is one string, and one em dash makes
// V8 store all of it at two bytes a character; every paragraph cut from it is a slice that keeps the
// whole file alive. At 10,000 stories that was 157 MB of strings. A copy made through UTF-8 is a
// string of its own, at one byte a character whenever it fits in Latin-1, as most paragraphs do.
import {own} from '../model/own-copy.ts'
import type {Article, TakenLine, Teaser} from '../model/types.ts'

export function compactArticle(article: Article): Article {
  return {
    source: article.source,
    format: article.format,
    headline: own(article.headline),
    date: article.date,
    slug: article.slug,
    byline: article.byline === null ? null : own(article.byline),
    authors: article.authors,
    publisher: article.publisher,
    kind: article.kind,
    commentCount: article.commentCount,
    readingMinutes: article.readingMinutes,
    dateline: article.dateline === null ? null : {place: own(article.dateline.place), agency: article.dateline.agency},
    paragraphs: article.paragraphs.map(own),
    footer: article.footer.map(own),
    credits: article.credits.map(compactTaken),
    boilerplate: article.boilerplate.map(compactTaken),
    recommended: article.recommended.map(compactTeaser),
    tags: article.tags,
    draft: article.draft,
    summary: article.summary === null ? null : own(article.summary),
    section: article.section,
    diagnostics: article.diagnostics
  }
}

/**
 * Written out field by field, not spread: V8 gave each spread copy of a teaser a hidden class of
 * its own (tracking its `source` as a constant), about 200 bytes a teaser, 15 MB at 10,000 stories.
 */
function compactTeaser(teaser: Teaser): Teaser {
  return {title: own(teaser.title), summary: own(teaser.summary), source: teaser.source}
}

function compactTaken(taken: TakenLine): TakenLine {
  return {line: taken.line, text: own(taken.text), rule: taken.rule}
}

// Whether an edit to a file changed only its story's body as the site model sees it. The model
// reads a body for two things only, the excerpt and the tag candidates; when those and every
// other field are as they were, the model built from the new file is the old one with the new
// paragraphs, and only what shows the body (the story's page, the search index, the site feeds)
// can change.
import type {ParsedEntry} from './parsed.ts'
import {articleExcerpt} from './excerpt.ts'

export function onlyBodyChanged(before: ParsedEntry, after: ParsedEntry): boolean {
  if (!before.result.ok || !after.result.ok) return false
  const was = before.result.article
  const now = after.result.article
  return (
    // Diagnostics too: they carry line numbers, and the build report must stay the same.
    JSON.stringify({...was, paragraphs: null}) === JSON.stringify({...now, paragraphs: null}) &&
    JSON.stringify(before.decoded) === JSON.stringify(after.decoded) &&
    JSON.stringify(before.mentions) === JSON.stringify(after.mentions) &&
    articleExcerpt(was) === articleExcerpt(now)
  )
}

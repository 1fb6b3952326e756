// The full-text search index: Pagefind reads the story pages already written to the staging
// folder and writes its bundle beside them, so the index is swapped in with the site or not at all.
import {rmSync} from 'node:fs'
import path from 'node:path'
import * as pagefind from 'pagefind'

/** Where the bundle lives in the output; templates/assets/search.js loads `pagefind.js` from it. */
export const SEARCH_BUNDLE = 'pagefind'

// Only story pages are searched: dated ones at YYYY/MM/DD/<slug>/ and undated ones at stories/<slug>/.
// A glob rather than Pagefind's own fallback, which indexes every page of a site with no story.
const STORY_PAGES = '{[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*,stories/*}/index.html'

// Pagefind's ready-made interfaces; the site ships its own small script instead.
const UNUSED = [
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'
]

export interface SearchIndexResult {
  /** Story pages in the index. */
  pages: number
}

/**
 * Index the story pages of a written site folder into `<folder>/pagefind/`. Throws when Pagefind
 * reports an error, so the build aborts its staging folder instead of publishing a broken search.
 */
export async function indexSearch(folder: string): Promise<SearchIndexResult> {
  try {
    const created = await pagefind.createIndex({})
    const index = created.index
    if (index === undefined) throw new Error(created.errors.join('; ') || 'could not start')
    const added = await index.addDirectory({path: folder, glob: STORY_PAGES})
    if (added.errors.length > 0) throw new Error(added.errors.join('; '))
    const bundle = path.join(folder, SEARCH_BUNDLE)
    const written = await index.writeFiles({outputPath: bundle})
    if (written.errors.length > 0) throw new Error(written.errors.join('; '))
    for (const name of UNUSED) rmSync(path.join(bundle, name), {force: true})
    return {pages: added.page_count}
  } catch (error) {
    throw new Error(`search index: ${(error as Error).message}`, {cause: error})
  } finally {
    // The service is a child process; left running it would keep the CLI from exiting.
    await pagefind.close()
  }
}

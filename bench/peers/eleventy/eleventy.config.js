// Minimal Eleventy 3 site equivalent to Broadsheet's: story pages, tag pages (20 stories a page),
// a tags index and home. bench/run.ts runs it with BENCH_MD_DIR (the generated md/ folder, used
// as the input) and BENCH_OUT_DIR; the home and tag templates are added as virtual templates so
// the generated corpus folder needs nothing added to it.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const PAGE_SIZE = 20

function slug(text) {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

function isStory(item) {
  return item.inputPath.endsWith('.md')
}

export default function (eleventyConfig) {
  const input = process.env.BENCH_MD_DIR
  const output = process.env.BENCH_OUT_DIR
  if (!input || !output) throw new Error('set BENCH_MD_DIR and BENCH_OUT_DIR')

  // The corpus lives under bench/out/, which .gitignore lists; Eleventy would skip it.
  eleventyConfig.setUseGitIgnore(false)
  eleventyConfig.addGlobalData('layout', 'story.njk')
  // Eleventy's own slugify filter is slow enough to show in its profile; this one is what the
  // collection below uses anyway.
  eleventyConfig.addFilter('tagSlug', slug)

  eleventyConfig.addCollection('latest', api => api.getAll().filter(isStory).sort((a, b) => b.date - a.date).slice(0, 100))

  eleventyConfig.addCollection('tagPages', api => {
    const byTag = new Map()
    for (const item of api.getAll().filter(isStory).sort((a, b) => b.date - a.date)) {
      for (const tag of item.data.tags ?? []) {
        if (!byTag.has(tag)) byTag.set(tag, [])
        byTag.get(tag).push(item)
      }
    }
    const pages = []
    for (const [tag, items] of [...byTag].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
      const count = Math.ceil(items.length / PAGE_SIZE)
      for (let i = 0; i < count; i++) {
        pages.push({tag, slug: slug(tag), number: i + 1, count, total: items.length, items: items.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE)})
      }
    }
    return pages
  })

  for (const name of ['index.njk', 'tag-page.njk', 'tags-index.njk']) {
    eleventyConfig.addTemplate(name, readFileSync(path.join(here, 'templates', name), 'utf8'))
  }

  return {
    dir: {input, output, includes: path.relative(input, path.join(here, '_includes'))},
    // Bodies are text, not templates: Broadsheet and Hugo do not run a template engine over them either.
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
  }
}

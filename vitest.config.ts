// Three tiers, each a vitest project (README, "Tests"):
// - fast: `npm test`, everything the repository holds, in about a minute;
// - slow: builds of thousands of files, Chromium, spawned processes and long property runs
//   (`*.slow.test.ts`);
// - corpus: checks over the real BBC texts in ../shared/corpus/ (`*.corpus.test.ts`), which the
//   repository may not carry.
import {defineConfig} from 'vitest/config'

const slow = 'tests/**/*.slow.test.ts'
const corpus = 'tests/**/*.corpus.test.ts'
/**
 * Checks over "the sample corpus" (tests/model/story-files.ts): 500 generated stories in the
 * default tiers, the whole BBC set when the corpus tier runs them again with BROADSHEET_SAMPLE=bbc.
 */
const overTheSample = [
  'tests/parse/sample.test.ts',
  'tests/parse/line-blocks.test.ts',
  'tests/model/tags.test.ts',
  'tests/model/tags-packed.test.ts',
  'tests/model/tags-words.test.ts',
  'tests/model/match.test.ts',
  'tests/render/compiled-site.test.ts',
  'tests/render/plain-paragraph.test.ts',
  'tests/build/feeds.test.ts',
  'tests/search/search-index.test.ts',
  'tests/search/search-patch.test.ts',
  'tests/build/compact.test.ts',
  'tests/cache/site-snapshot.test.ts',
  'tests/build/parse-helper.test.ts',
  'tests/build/whole-site.slow.test.ts'
]

export default defineConfig({
  test: {
    globalSetup: ['tests/temp-folder.ts'],
    // A process per test file: the in-process CLI tests change the working folder (tests/support/cli.ts).
    pool: 'forks',
    // Both cores: vitest's default leaves one free, and the suite then ran one file at a time.
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 60_000,
    // A page the compiled templates cannot render and LiquidJS can is an error here, not a slower
    // build (render/liquid/fallbacks.ts); builds the tests spawn inherit it. A build removes the
    // folders it lets go of before it returns (disk/discard.ts), so that no remover outlives a test
    // into the folder the test deletes; tests/build/discard.slow.test.ts unsets it.
    env: {BROADSHEET_FAIL_ON_FALLBACK: '1', BROADSHEET_DISCARD: 'wait'},
    hookTimeout: 120_000,
    projects: [
      {extends: true, test: {name: 'fast', include: ['tests/**/*.test.ts'], exclude: [slow, corpus]}},
      // The slow tier spawns bin/broadsheet.js, which runs the bundle only when it is of the current
      // source (tests/bundle.ts); the others run the CLI in-process.
      {extends: true, test: {name: 'slow', include: [slow], globalSetup: ['tests/temp-folder.ts', 'tests/bundle.ts']}},
      {
        extends: true,
        test: {
          name: 'corpus',
          include: [corpus, ...overTheSample],
          env: {BROADSHEET_SAMPLE: 'bbc'},
          globalSetup: ['tests/temp-folder.ts', 'tests/corpus/require-shared.ts']
        }
      }
    ]
  }
})

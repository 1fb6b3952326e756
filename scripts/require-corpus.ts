// `npm run test:corpus` starts here: without ../shared/corpus/ beside the clone it says in one line
// what to put where, and exits 1 before vitest prints anything.
import process from 'node:process'
import {missingCorpus} from '../tests/corpus/shared.ts'

const missing = missingCorpus()
if (missing !== null) {
  process.stderr.write(`broadsheet: ${missing}\n`)
  process.exit(1)
}

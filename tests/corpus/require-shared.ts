// vitest globalSetup of the corpus tier: one clear line, and no test run, when ../shared is missing.
import {missingCorpus} from './shared.ts'

export default function requireShared(): void {
  const missing = missingCorpus()
  if (missing !== null) throw new Error(missing)
}

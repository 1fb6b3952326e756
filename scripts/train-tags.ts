// `npm run train:tags`: fits the tag ranker's weights (src/model/tags/rank.ts) to the editor's
// labels of 150 BBC stories (tests/corpus/fixtures/tag-labels.json; the texts in ../shared/corpus/bbc/)
// and writes them to src/model/tags/rank-weights.ts. First it prints the score of five-fold
// cross-validation (the model fitted to four fifths of the labelled stories, scored on the fifth it
// never saw, five times), the figure to quote for stories the model was not fitted to; then the
// score of the weights written, on all 150 (what `npm run eval:tags` prints).
//
// The model is a logistic regression, fitted by full-batch gradient descent (400 steps of 0.3,
// L2 0.01 on every weight but the bias): a candidate is a positive example when it matches one of
// its story's labels (scripts/tag-eval/evaluate.ts). Deterministic: no random start, no shuffling.
import {writeFileSync} from 'node:fs'
import process from 'node:process'
import {defaultConfig} from '../src/model/config.ts'
import {createVocabulary, packedMentions} from '../src/model/tags/index.ts'
import {FEATURES, featuresOf, tagScores} from '../src/model/tags/rank.ts'
import {pickTags, storyCandidates, type Candidate} from '../src/model/tags/select.ts'
import {missingCorpus} from '../tests/corpus/shared.ts'
import {bbcArticles} from '../tests/model/story-files.ts'
import {readLabels} from './eval-tags.ts'
import {LABEL_KINDS, matches, normalise, score, type Score} from './tag-eval/evaluate.ts'

const STEPS = 400
const RATE = 0.3
const L2 = 0.01
const FOLDS = 5
const OUT = new URL('../src/model/tags/rank-weights.ts', import.meta.url)

interface Example {
  file: string
  features: number[]
  indexed: 0 | 1
}

function fit(examples: readonly Example[]): number[] {
  const weights = new Array<number>(FEATURES.length).fill(0)
  for (let step = 0; step < STEPS; step++) {
    const gradient = new Array<number>(FEATURES.length).fill(0)
    for (const {features, indexed} of examples) {
      let z = 0
      for (let k = 0; k < features.length; k++) z += features[k]! * weights[k]!
      const error = 1 / (1 + Math.exp(-z)) - indexed
      for (let k = 0; k < features.length; k++) gradient[k]! += error * features[k]!
    }
    for (let k = 0; k < weights.length; k++) weights[k]! -= RATE * (gradient[k]! / examples.length + (k === 0 ? 0 : L2 * weights[k]!))
  }
  return weights
}

function describe(result: Score): string {
  const kinds = LABEL_KINDS.map((kind) => `${kind} ${result.byKind[kind].recall.toFixed(3)}`).join(', ')
  return `precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}, F1 ${result.f1.toFixed(3)}; recall of ${kinds}`
}

/** The weights fitted to every labelled story, and the scores of cross-validation and of those weights. */
export function trainTagWeights(): {weights: number[]; crossValidated: Score; fitted: Score} {
  const labels = readLabels()
  const articles = bbcArticles()
  const vocabulary = createVocabulary(defaultConfig.tags)
  const all = storyCandidates(articles.map((article) => ({front: article.tags, mentions: packedMentions(article, vocabulary)})))
  const candidatesOf = new Map<string, Candidate[]>(articles.map((article, i) => [article.source, all[i] ?? []]))

  const examples: Example[] = []
  for (const story of labels) {
    const candidates = candidatesOf.get(story.file) ?? []
    const wanted = LABEL_KINDS.flatMap((kind) => story[kind].map((label) => [kind, normalise(label)] as const))
    const features = featuresOf(candidates)
    candidates.forEach((candidate, i) => {
      const name = normalise(candidate.display)
      const row = Array.from(features.subarray(i * FEATURES.length, (i + 1) * FEATURES.length))
      examples.push({file: story.file, features: row, indexed: wanted.some(([kind, label]) => matches(name, label, kind)) ? 1 : 0})
    })
  }
  const tagsWith = (weights: readonly number[], file: string) => {
    const candidates = candidatesOf.get(file) ?? []
    return pickTags(candidates, tagScores(candidates, weights), defaultConfig.tags.max).map((tag) => tag.name)
  }

  const chosen = new Map<string, string[]>()
  for (let fold = 0; fold < FOLDS; fold++) {
    const heldOut = new Set(labels.filter((_, i) => i % FOLDS === fold).map((story) => story.file))
    const weights = fit(examples.filter((example) => !heldOut.has(example.file)))
    for (const file of heldOut) chosen.set(file, tagsWith(weights, file))
  }
  const weights = fit(examples)
  return {
    weights,
    crossValidated: score(labels, (file) => chosen.get(file) ?? []),
    fitted: score(labels, (file) => tagsWith(weights, file))
  }
}

/** The weights as rank-weights.ts holds them. */
export function rounded(weights: readonly number[]): string[] {
  return weights.map((weight) => weight.toFixed(4))
}

if (process.argv[1]?.endsWith('train-tags.ts')) {
  const missing = missingCorpus()
  if (missing !== null) {
    process.stderr.write(`train:tags: ${missing}\n`)
    process.exit(1)
  }
  const {weights, crossValidated, fitted} = trainTagWeights()
  process.stdout.write(`${FOLDS}-fold cross-validation: ${describe(crossValidated)}\n`)
  process.stdout.write(`fitted to all ${fitted.stories} stories: ${describe(fitted)}\n`)
  const rows = rounded(weights).map((weight, k) => `  ${weight}, // ${FEATURES[k]}`).join('\n')
  writeFileSync(
    OUT,
    `// Generated by \`npm run train:tags\` (scripts/train-tags.ts) from ${fitted.stories} labelled BBC stories: do not edit.\n` +
      `// One weight for each of rank.ts's FEATURES, in that order.\nexport const WEIGHTS: readonly number[] = [\n${rows}\n]\n`
  )
  process.stdout.write(`wrote ${OUT.pathname}\n`)
}

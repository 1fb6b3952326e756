// Shared by the fixture test and by whoever regenerates a fixture: bytes on disk → decode → parse,
// the same path the CLI takes, so byte-level cases (BOM, CRLF, Windows-1252) are tested for real.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {ParseResult} from '../../src/model/types.ts'
import {parseDecoded} from '../../src/parse/index.ts'
import {decode} from '../../src/read/decode.ts'

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url))

export function fixtureCases(): string[] {
  return readdirSync(fixturesDir, {withFileTypes: true})
    // A parser case is a folder with an expected.json; others (hostile/) belong to other tests.
    .filter((entry) => entry.isDirectory() && existsSync(`${fixturesDir}${entry.name}/expected.json`))
    .map((entry) => entry.name)
    .sort()
}

export function inputName(testCase: string): string {
  const names = readdirSync(`${fixturesDir}${testCase}`).filter((name) => /^input(\.txt|\.md|\.eml)?$/.test(name))
  if (names.length !== 1) throw new Error(`fixture ${testCase} needs exactly one input, input.txt, input.md or input.eml`)
  return names[0] as string
}

export function runFixture(testCase: string): ParseResult {
  const name = inputName(testCase)
  const bytes = readFileSync(`${fixturesDir}${testCase}/${name}`)
  return parseDecoded(decode(bytes), `${testCase}/${name}`)
}

export function expectedResult(testCase: string): unknown {
  return JSON.parse(readFileSync(`${fixturesDir}${testCase}/expected.json`, 'utf8'))
}

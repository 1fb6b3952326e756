// What reading and parsing one content file gives, as the read stage (build/read-stage.ts) hands it
// on and the parse cache (cache/parsed.ts) keeps it between builds.
import type {PackedMentions} from './tags/packed.ts'
import type {Diagnostic, ParseResult} from './types.ts'

export interface ParsedEntry {
  result: ParseResult
  /** What decoding the bytes said (a Windows-1252 fallback). */
  decoded: Diagnostic[]
  mentions: PackedMentions
}

/**
 * What reading a file gave: an error, or its hash and stamp, and what parsing it gave when this
 * build had to parse it (otherwise the cache has it).
 */
export type ParsedFile = {error: Diagnostic} | {hash: string; stamp: string; entry?: ParsedEntry}

// What a failed build says: what went wrong, in one line, and what state it left the output
// folder in. The state is that of the folder itself, as the write step knows it: a failure before
// the first change to the output folder, or one after which every change was undone, leaves it
// "unchanged"; the tests compare each of these sentences with a hash of the folder.
import path from 'node:path'

export type OutputState =
  /** Nothing in the output folder changed, or every change was undone. */
  | {kind: 'unchanged'}
  /** The new site is in place, but the cache could not be saved: the next build starts without it. */
  | {kind: 'replaced'}
  /** Some files are new and some old; the journal lets the next build put the old ones back. */
  | {kind: 'partial'; changed: number}
  /** The output folder is not there; the previous one is in `old`, which the next build puts back. */
  | {kind: 'missing'; old: string}

/** An error after which the output folder is in `state`. */
export class OutputFailure extends Error {
  readonly state: OutputState
  /** The cause's code (ENOSPC…). */
  readonly code: string | undefined

  constructor(cause: unknown, state: OutputState) {
    super('', {cause})
    // Read when asked: the space a full disk needs may be added to the cause after this is made.
    Object.defineProperty(this, 'message', {get: () => errorMessage(this), configurable: true})
    this.state = state
    this.code = (cause as NodeJS.ErrnoException | undefined)?.code
  }
}

/** The state the output folder is in after `error`: unchanged, unless the error says otherwise. */
export function stateAfter(error: unknown): OutputState {
  return error instanceof OutputFailure ? error.state : {kind: 'unchanged'}
}

/** `out is unchanged`, and so on: the second half of a failed build's message. */
export function describeState(out: string, state: OutputState): string {
  switch (state.kind) {
    case 'unchanged':
      return `${out} is unchanged`
    case 'replaced':
      return `${out} holds the new site, but the build cache could not be saved; the next build makes every page again`
    case 'partial':
      return `${out} is partly updated (${state.changed} of the files this build changed are new, the rest as they were); the next build puts the previous files back before it builds`
    case 'missing':
      return `${out} is missing; the previous output is in ${state.old}, which the next build (or preview or dev) puts back`
  }
}

/**
 * Adds to an ENOSPC error the space a build needs, when the caller knows it: `about` so much, or
 * (when only what it had written so far is known) `at least`.
 */
export function withNeeded(error: unknown, bytes: number, bound: 'about' | 'at least'): unknown {
  const target = error instanceof OutputFailure ? error.cause : error
  if (target !== null && typeof target === 'object' && !('needed' in target) && bytes > 0) Object.assign(target, {needed: {bytes, bound}})
  return error
}

/** One line for a person: for a full disk, the folder and the space needed, if known. */
export function errorMessage(error: unknown): string {
  const e = (error instanceof OutputFailure ? error.cause : error) as (NodeJS.ErrnoException & {folder?: string; needed?: {bytes: number; bound: string}}) | undefined
  if (e?.code === 'ENOSPC') {
    const folder = e.folder ?? (e.path === undefined ? undefined : path.dirname(e.path))
    // A staging folder is gone by the time this is read: the output folder it was to become is named.
    const staging = folder === undefined ? null : /^\.(.+)\.staging-[^/]*$/.exec(path.basename(folder))
    const where = folder === undefined ? '' : staging ? ` that holds ${path.join(path.dirname(folder), staging[1]!)} (writing its new files beside it)` : ` that holds ${folder}`
    const needed = e.needed === undefined ? '' : `: it needs ${e.needed.bound} ${megabytes(e.needed.bytes)} free there`
    return `no space left on the device${where}${needed}; this build removed what it had written`
  }
  return e instanceof Error ? e.message : String(e)
}

export function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

// The full build's body store: every story's body, from the articles the site is made of, in
// arrays by story index. A story's entry goes when it is released, so that the bodies of the pages
// already written can be collected while the rest of the site renders.
import type {BodyPart, BodyParts, BodyStore, RecommendedLink} from './types.ts'

/**
 * A store over arrays by story index, null where it holds no part: what the full build's store and a
 * render thread's share. Each says in `missing` why it has no part of a story.
 */
export abstract class PartsBodies implements BodyStore {
  protected readonly parts: BodyParts

  constructor(parts: BodyParts) {
    this.parts = parts
  }

  paragraphs(index: number): readonly string[] {
    return this.parts.paragraphs[index] ?? this.missing(index, 'paragraphs')
  }

  footer(index: number): readonly string[] {
    return this.parts.footer[index] ?? this.missing(index, 'footer')
  }

  recommended(index: number): readonly RecommendedLink[] {
    return this.parts.recommended[index] ?? this.missing(index, 'recommended')
  }

  release(index: number): void {
    this.parts.paragraphs[index] = null
    this.parts.footer[index] = null
    this.parts.recommended[index] = null
  }

  /** Throws an error that names the story and why this store has no `part` of it. */
  protected abstract missing(index: number, part: BodyPart): never
}

export class SiteBodies extends PartsBodies {
  /** `parts`: each story's body in site order, all of them there. */
  constructor(parts: BodyParts) {
    super(parts)
  }

  /** The parts of these stories, for a store of their own (a render thread's); null for every other story. */
  partsOf(indices: Iterable<number>): BodyParts {
    const count = this.parts.paragraphs.length
    const parts: BodyParts = {paragraphs: new Array(count).fill(null), footer: new Array(count).fill(null), recommended: new Array(count).fill(null)}
    for (const index of indices) {
      parts.paragraphs[index] = this.paragraphs(index)
      parts.footer[index] = this.footer(index)
      parts.recommended[index] = this.recommended(index)
    }
    return parts
  }

  protected missing(index: number, part: BodyPart): never {
    if (index < 0 || index >= this.parts.paragraphs.length || !Number.isInteger(index)) throw new Error(`the build read the ${part} of story ${index}, which the site does not have`)
    throw new Error(`the build read the ${part} of story ${index} after letting go of it`)
  }
}

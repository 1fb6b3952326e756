// Growing lists of 32-bit numbers, very many of them, for the search index's postings: at 100,000
// stories about 29 million in a few hundred thousand lists, most of them short.
//
// A typed array per list, copied into one twice its size as it fills, took 4 bytes a number, but
// every list was a block of its own from the C library's allocator. Freed, those hundreds of
// thousands of small blocks stayed with the process as a fragmented heap, resident memory that no
// later part of the build used: about 300 MB in a test of the sizes of 100,000 stories, and 150 MB
// less outside the heap while those stories' pages were written once it was gone. Here every list
// is a chain of blocks cut from a few large slabs, each mapped from the system on its own and
// given back whole when the lists are let go of.

/**
 * Numbers a slab holds: 32 MB, the size from which glibc's allocator always maps memory of its own,
 * whatever sizes it has seen freed. Positions are 32-bit: 512 slabs, 16 GB, is more than any build
 * holds.
 */
const SLAB_BITS = 23
const SLAB = 1 << SLAB_BITS
const IN_SLAB = SLAB - 1
/** A list's first block holds this many numbers; each next one twice as many, up to LARGEST. */
const FIRST = 4
const LARGEST = 4096

export interface PostingLists {
  /** A new, empty list: lists are numbered from 0 in the order they are opened. */
  open(): number
  push(list: number, value: number): void
  length(list: number): number
  /** The list's last value; the list must not be empty. */
  last(list: number): number
  setLast(list: number, value: number): void
  /** Each value of the list, in the order pushed. */
  forEach(list: number, visit: (value: number, index: number) => void): void
}

export function createPostingLists(): PostingLists {
  const slabs: Uint32Array[] = []
  // Blocks are cut from the end of the last slab. Position p is slabs[p / SLAB][p % SLAB]; a block
  // is its number of values, then the position of the list's next block once there is one, then the
  // values.
  let free = 0
  let lists = 0
  // Per list: its first and its last block, and the values in the list and in its last block.
  let heads: Uint32Array = new Uint32Array(1024)
  let tails: Uint32Array = new Uint32Array(1024)
  let lengths: Uint32Array = new Uint32Array(1024)
  let used: Uint32Array = new Uint32Array(1024)

  const at = (position: number): number => slabs[position >>> SLAB_BITS]![position & IN_SLAB]!
  const put = (position: number, value: number): void => {
    slabs[position >>> SLAB_BITS]![position & IN_SLAB] = value
  }

  /** A block for `capacity` values, in one slab. */
  const block = (capacity: number): number => {
    const size = capacity + 2
    if (free + size > slabs.length * SLAB) {
      slabs.push(new Uint32Array(SLAB))
      free = (slabs.length - 1) * SLAB
    }
    const start = free
    free += size
    put(start, capacity)
    return start
  }

  return {
    open() {
      if (lists === heads.length) {
        heads = grown(heads)
        tails = grown(tails)
        lengths = grown(lengths)
        used = grown(used)
      }
      // A list takes its first block when its first value comes.
      return lists++
    },
    push(list, value) {
      let tail = tails[list]!
      if (lengths[list] === 0) {
        tail = block(FIRST)
        heads[list] = tail
        tails[list] = tail
        used[list] = 0
      } else if (used[list] === at(tail)) {
        const next = block(Math.min(at(tail) * 2, LARGEST))
        put(tail + 1, next)
        tail = next
        tails[list] = tail
        used[list] = 0
      }
      put(tail + 2 + used[list]!, value)
      used[list]!++
      lengths[list]!++
    },
    length: (list) => lengths[list]!,
    last: (list) => at(tails[list]! + 1 + used[list]!),
    setLast(list, value) {
      put(tails[list]! + 1 + used[list]!, value)
    },
    forEach(list, visit) {
      let left = lengths[list]!
      let index = 0
      for (let position = heads[list]!; left > 0; position = at(position + 1)) {
        const count = Math.min(at(position), left)
        for (let i = 0; i < count; i++) visit(at(position + 2 + i), index++)
        left -= count
      }
    }
  }
}

function grown(array: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(array.length * 2)
  bigger.set(array)
  return bigger
}

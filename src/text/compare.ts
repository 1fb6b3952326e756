// The one order of strings for everything Broadsheet sorts: by UTF-16 code unit, as `Array.sort`
// without a comparator orders them, the same on every machine and in every locale.

export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The same, with null before every string. */
export function byCodeUnitNullFirst(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1
}

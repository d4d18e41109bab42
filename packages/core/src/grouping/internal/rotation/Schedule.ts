/**
 * The state of a rotation under search: who sits in which group in every round, how often each
 * pair meets, and the per-round tables that make a swap's effect an O(1) read (decision 0014).
 *
 * `once[(r·n + x)·G + g]` counts the members k ≠ x of group g in round r whom x meets at least once
 * over the planned rounds, `twice[…]` those x meets at least twice. The change in extra meetings
 * of a swap of i (in a) and j (in b) is then five reads: i leaving a removes `twice[i][a]` repeats,
 * i entering b adds `once[i][b] − [i and j met]` (the same for j), and x is in a conflict in round r
 * exactly when `twice[x][own group] > 0`. With a score matrix, `gains[…]` sums x's scores with the
 * members of g. A swap updates all tables in O(n + p·R).
 */

/**
 * Exchanges people `x` and `y` of the round whose tables start at `base`: their places in the
 * round (`slot`, `slotOf`) and their groups. The one exchange of the rotation's searches.
 */
export const exchangeSlots = (
  slot: Int32Array,
  slotOf: Int32Array,
  group: Int32Array,
  base: number,
  x: number,
  y: number
): void => {
  const sx = slotOf[base + x] as number
  const sy = slotOf[base + y] as number
  slot[base + sx] = y
  slot[base + sy] = x
  slotOf[base + x] = sy
  slotOf[base + y] = sx
  const gx = group[base + x] as number
  group[base + x] = group[base + y] as number
  group[base + y] = gx
}

/** The people of one shape: `size` people in groups of `groupSizes` in each of `rounds` rounds. */
export class Schedule {
  readonly n: number
  readonly rounds: number
  readonly groups: number
  /** `offset[g]` is where group g's slots start in a round's member list; `offset[G] = n`. */
  readonly offset: Int32Array
  /** `group[r·n + i]`: the group of i in round r. */
  readonly group: Int32Array
  /** `slot[r·n + offset[g] + s]`: the members of group g in round r. */
  readonly slot: Int32Array
  /** `slotOf[r·n + i]`: where i sits in its round's member list. */
  readonly slotOf: Int32Array
  /** `met[x·n + k]`: the meetings of x and k over the active rounds. */
  readonly met: Int32Array
  readonly once: Int32Array
  readonly twice: Int32Array
  readonly gains: Float64Array
  readonly score: Float64Array
  readonly hasScore: boolean
  /** The rounds planned so far: the tables cover rounds 0 … active − 1. */
  active = 0
  /** The meetings beyond the first of every pair, over the active rounds. */
  extra = 0
  /** The summed within-group scores over the active rounds. */
  soft = 0

  constructor(n: number, rounds: number, groupSizes: ReadonlyArray<number>, score: Float64Array, hasScore: boolean) {
    const G = groupSizes.length
    this.n = n
    this.rounds = rounds
    this.groups = G
    this.offset = new Int32Array(G + 1)
    for (let g = 0; g < G; g++) this.offset[g + 1] = (this.offset[g] as number) + (groupSizes[g] as number)
    this.group = new Int32Array(rounds * n)
    this.slot = new Int32Array(rounds * n)
    this.slotOf = new Int32Array(rounds * n)
    this.met = new Int32Array(n * n)
    this.once = new Int32Array(rounds * n * G)
    this.twice = new Int32Array(rounds * n * G)
    this.gains = new Float64Array(hasScore ? rounds * n * G : 0)
    this.score = score
    this.hasScore = hasScore
  }

  /** Puts x in slot `at` (of group g) of round r, without touching the tables. */
  place(r: number, x: number, g: number, at: number): void {
    const base = r * this.n
    this.slot[base + at] = x
    this.slotOf[base + x] = at
    this.group[base + x] = g
  }

  /** Exchanges i and j in round r without touching the tables (call {@link rebuild} after). */
  exchange(r: number, i: number, j: number): void {
    exchangeSlots(this.slot, this.slotOf, this.group, r * this.n, i, j)
  }

  /** Takes every round's groups from `assignment` (`assignment[r·n + i]`), then the slots from the groups. */
  load(assignment: Int32Array): void {
    const { n, groups: G } = this
    this.group.set(assignment)
    const fill = new Int32Array(G)
    for (let r = 0; r < this.rounds; r++) {
      const base = r * n
      fill.set(this.offset.subarray(0, G))
      for (let x = 0; x < n; x++) {
        const g = this.group[base + x] as number
        const at = fill[g] as number
        fill[g] = at + 1
        this.slot[base + at] = x
        this.slotOf[base + x] = at
      }
    }
  }

  /** Counts every table again from the groups of the active rounds. */
  rebuild(): void {
    const { n, groups: G, offset, slot, group, met, once, twice, gains, score, hasScore } = this
    met.fill(0)
    for (let r = 0; r < this.active; r++) {
      const base = r * n
      for (let g = 0; g < G; g++)
        for (let q = offset[g] as number, end = offset[g + 1] as number; q < end; q++) {
          const x = slot[base + q] as number
          for (let s = q + 1; s < end; s++) {
            const k = slot[base + s] as number
            met[x * n + k] = (met[x * n + k] as number) + 1
            met[k * n + x] = (met[k * n + x] as number) + 1
          }
        }
    }
    once.fill(0)
    twice.fill(0)
    if (hasScore) gains.fill(0)
    let extra = 0
    let soft = 0
    for (let x = 0; x < n; x++)
      for (let k = x + 1; k < n; k++) {
        const m = met[x * n + k] as number
        if (m > 1) extra += m - 1
      }
    for (let r = 0; r < this.active; r++) {
      const base = r * n
      for (let x = 0; x < n; x++) {
        const row = (base + x) * G
        for (let k = 0; k < n; k++) {
          if (k === x) continue
          const m = met[x * n + k] as number
          const g = group[base + k] as number
          if (m >= 1) once[row + g] = (once[row + g] as number) + 1
          if (m >= 2) twice[row + g] = (twice[row + g] as number) + 1
          if (hasScore) gains[row + g] = (gains[row + g] as number) + (score[x * n + k] as number)
        }
        if (hasScore) soft += gains[row + (group[base + x] as number)] as number
      }
    }
    this.extra = extra
    this.soft = soft / 2
  }

  /** The change in extra meetings when i and j (in different groups) swap in round r. */
  conflictDelta(r: number, i: number, j: number): number {
    const { n, groups: G, group, once, twice } = this
    const base = r * n
    const a = group[base + i] as number
    const b = group[base + j] as number
    const ri = (base + i) * G
    const rj = (base + j) * G
    return (
      (once[ri + b] as number) +
      (once[rj + a] as number) -
      ((this.met[i * n + j] as number) >= 1 ? 2 : 0) -
      (twice[ri + a] as number) -
      (twice[rj + b] as number)
    )
  }

  /** The change in the within-group score when i and j (in different groups) swap in round r. */
  softDelta(r: number, i: number, j: number): number {
    if (!this.hasScore) return 0
    const { n, groups: G, group, gains } = this
    const base = r * n
    const a = group[base + i] as number
    const b = group[base + j] as number
    const ri = (base + i) * G
    const rj = (base + j) * G
    return (
      (gains[ri + b] as number) -
      (gains[ri + a] as number) +
      (gains[rj + a] as number) -
      (gains[rj + b] as number) -
      2 * (this.score[i * n + j] as number)
    )
  }

  /** Swaps i and j (in different groups) in round r and brings every table and total up to date. */
  swap(r: number, i: number, j: number): void {
    const { n, groups: G, offset, slot, group, met, once, twice, gains, score, hasScore } = this
    this.soft += this.softDelta(r, i, j)
    const base = r * n
    const a = group[base + i] as number
    const b = group[base + j] as number
    // the meetings change first (with the old groups), then i and j change groups
    for (let q = offset[a] as number, end = offset[a + 1] as number; q < end; q++) {
      const k = slot[base + q] as number
      if (k === i) continue
      this.meet(i, k, -1)
      this.meet(j, k, 1)
    }
    for (let q = offset[b] as number, end = offset[b + 1] as number; q < end; q++) {
      const k = slot[base + q] as number
      if (k === j) continue
      this.meet(j, k, -1)
      this.meet(i, k, 1)
    }
    const rowI = i * n
    const rowJ = j * n
    for (let x = 0; x < n; x++) {
      const row = (base + x) * G
      const mi = met[rowI + x] as number
      const mj = met[rowJ + x] as number
      const d1 = (mj >= 1 ? 1 : 0) - (mi >= 1 ? 1 : 0)
      const d2 = (mj >= 2 ? 1 : 0) - (mi >= 2 ? 1 : 0)
      if (d1 !== 0) {
        once[row + a] = (once[row + a] as number) + d1
        once[row + b] = (once[row + b] as number) - d1
      }
      if (d2 !== 0) {
        twice[row + a] = (twice[row + a] as number) + d2
        twice[row + b] = (twice[row + b] as number) - d2
      }
      if (hasScore) {
        const ds = (score[x * n + j] as number) - (score[x * n + i] as number)
        gains[row + a] = (gains[row + a] as number) + ds
        gains[row + b] = (gains[row + b] as number) - ds
      }
    }
    this.exchange(r, i, j)
  }

  /**
   * One meeting of x and y more (d = 1) or less (d = −1); a count crossing 0↔1 or 1↔2 adjusts both
   * rows in every round.
   */
  private meet(x: number, y: number, d: 1 | -1): void {
    const { n, met } = this
    const before = met[x * n + y] as number
    const after = before + d
    met[x * n + y] = after
    met[y * n + x] = after
    const low = d > 0 ? before : after
    // the pair's extra meetings change when it met before (adding) or still meets (removing)
    if (low >= 1) this.extra += d
    if (low === 0) this.adjust(this.once, x, y, d)
    else if (low === 1) this.adjust(this.twice, x, y, d)
  }

  private adjust(table: Int32Array, x: number, y: number, d: number): void {
    const { n, groups: G, group } = this
    for (let r = 0, base = 0; r < this.active; r++, base += n) {
      const gx = (base + x) * G + (group[base + y] as number)
      const gy = (base + y) * G + (group[base + x] as number)
      table[gx] = (table[gx] as number) + d
      table[gy] = (table[gy] as number) + d
    }
  }
}

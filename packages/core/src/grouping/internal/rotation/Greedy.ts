/**
 * The greedy construction of one round against the rounds before it, after Triska & Musliu (2012),
 * "An effective greedy heuristic for the Social Golfer Problem" (Annals of Operations Research
 * 194): group by group, add the pair of people (or the one person, for a last odd place) who add
 * the fewest repeated meetings (and lose the least score), and among those the pair with the most
 * "freedom": the number of people whom neither they nor the group's members have met yet, so that
 * later places stay easy to fill.
 */
import * as Rng from "../../../random/Rng.js"
import type { Schedule } from "./Schedule.js"

const popcount = (v: number): number => {
  v -= (v >>> 1) & 0x55555555
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** The scratch space of the construction, allocated once per rotation. */
export class Greedy {
  private readonly words: number
  /** Bit k of row x: x has not met k. */
  private readonly unmet: Uint32Array
  /** The people whom no member of the group being built has met. */
  private readonly common: Uint32Array
  /** The cost of adding x to the group being built. */
  private readonly cost: Float64Array

  constructor(
    private readonly schedule: Schedule,
    private readonly rng: Rng.Rng,
    private readonly repeatWeight: number
  ) {
    const n = schedule.n
    this.words = (n + 31) >>> 5
    this.unmet = new Uint32Array(n * this.words)
    this.common = new Uint32Array(this.words)
    this.cost = new Float64Array(n)
  }

  /**
   * Fills round r against the meetings in `schedule.met` (the rounds before it), adding the new
   * round's meetings to `met` as it goes; the other tables need a rebuild afterwards.
   */
  round(r: number): void {
    const { schedule, unmet, words, rng } = this
    const { n, met, offset } = schedule
    unmet.fill(0)
    for (let x = 0; x < n; x++)
      for (let k = 0; k < n; k++)
        if (k !== x && met[x * n + k] === 0)
          unmet[x * words + (k >>> 5)] = (unmet[x * words + (k >>> 5)] as number) | (1 << (k & 31))
    const unplaced = Rng.shuffle(
      rng,
      Array.from({ length: n }, (_, i) => i)
    )
    for (let g = 0; g < schedule.groups; g++) {
      const end = offset[g + 1] as number
      this.common.fill(0xffffffff)
      this.cost.fill(0)
      let at = offset[g] as number
      while (end - at >= 2) {
        const [bu, bv] = this.bestPair(unplaced)
        const y = unplaced[bv] as number
        this.add(r, g, unplaced, bu, at++)
        this.add(r, g, unplaced, unplaced.indexOf(y), at++)
      }
      if (at < end) {
        let bu = 0
        let bestCost = Number.POSITIVE_INFINITY
        for (let u = 0; u < unplaced.length; u++) {
          const c = this.cost[unplaced[u] as number] as number
          if (c < bestCost) {
            bestCost = c
            bu = u
          }
        }
        this.add(r, g, unplaced, bu, at++)
      }
    }
  }

  /** The positions in `unplaced` of the cheapest pair to add, the freest among equals (ties drawn at random). */
  private bestPair(unplaced: ReadonlyArray<number>): readonly [number, number] {
    const { n, met, score } = this.schedule
    const { cost, repeatWeight, rng } = this
    let bu = 0
    let bv = 1
    let bestCost = Number.POSITIVE_INFINITY
    let bestFree = -1
    let seen = 0
    for (let u = 0; u < unplaced.length; u++) {
      const x = unplaced[u] as number
      const cx = cost[x] as number
      if (cx > bestCost) continue
      for (let v = u + 1; v < unplaced.length; v++) {
        const y = unplaced[v] as number
        const c = cx + (cost[y] as number) + (met[x * n + y] as number) * repeatWeight - (score[x * n + y] as number)
        if (c > bestCost) continue
        const f = this.freedom(x, y)
        if (c < bestCost || f > bestFree) {
          bestCost = c
          bestFree = f
          bu = u
          bv = v
          seen = 1
        } else if (f === bestFree && rng.int(++seen) === 0) {
          bu = u
          bv = v
        }
      }
    }
    return [bu, bv]
  }

  /** The people whom neither x, y nor the group's members have met. */
  private freedom(x: number, y: number): number {
    const { common, unmet, words } = this
    let f = 0
    const rx = x * words
    const ry = y * words
    for (let w = 0; w < words; w++)
      f += popcount((common[w] as number) & (unmet[rx + w] as number) & (unmet[ry + w] as number))
    return f
  }

  /** Seats `unplaced[u]` in slot `at` of group g in round r, meeting the members seated before. */
  private add(r: number, g: number, unplaced: Array<number>, u: number, at: number): void {
    const { schedule, unmet, words, common, cost, repeatWeight } = this
    const { n, met, score, slot, offset } = schedule
    const x = unplaced[u] as number
    unplaced[u] = unplaced[unplaced.length - 1] as number
    unplaced.pop()
    const base = r * n
    for (let q = offset[g] as number; q < at; q++) {
      const k = slot[base + q] as number
      met[x * n + k] = (met[x * n + k] as number) + 1
      met[k * n + x] = (met[k * n + x] as number) + 1
      unmet[x * words + (k >>> 5)] = (unmet[x * words + (k >>> 5)] as number) & ~(1 << (k & 31))
      unmet[k * words + (x >>> 5)] = (unmet[k * words + (x >>> 5)] as number) & ~(1 << (x & 31))
    }
    schedule.place(r, x, g, at)
    for (let w = 0; w < words; w++) common[w] = (common[w] as number) & (unmet[x * words + w] as number)
    for (const y of unplaced)
      cost[y] = (cost[y] as number) + (met[y * n + x] as number) * repeatWeight - (score[y * n + x] as number)
  }
}

/**
 * The tabu search over a whole rotation, after Dotú & Van Hentenryck (2005), "Scheduling social
 * golfers locally" (CPAIOR, LNCS 3524): swap two people of different groups in one round, one of
 * whom meets someone there again (a conflict), taking the best swap that is not tabu (or that
 * beats the best schedule: aspiration); a swapped pair may not swap back in that round for a
 * while. Started from the greedy rounds of Triska & Musliu (2012), see {@link Greedy}.
 *
 * Two variants share the state object:
 * - {@link RotationSearch.golfers}, without a score matrix (the social golfer problem): rounds are
 *   added greedily one at a time and the search works on the rounds so far (decision 0014), kicked
 *   by random swaps when it stalls and restarted from a new greedy schedule when a run stops
 *   improving (decision 0135);
 * - {@link RotationSearch.policy}, with a score matrix: every round built first, a conflict step
 *   and a whole-round step in turn, and restarts from the best schedule with a perturbation so that
 *   the policy's score found so far is kept (decision 0014).
 */
import type * as Rng from "../../../random/Rng.js"
import type { Greedy } from "./Greedy.js"
import type { Schedule } from "./Schedule.js"

/** The budget of one search, read by every variant. */
export interface Limits {
  /** The most tabu steps. */
  readonly iterations: number
  /** The clock reading at which to stop, or +∞. */
  readonly deadline: number
  readonly clock: () => number
}

/**
 * The settings of {@link RotationSearch.golfers} (decisions 0014 and 0135): a round's search ends
 * when it has no repeats or after `phaseLimit` steps; a swapped pair stays apart for `tenureMin` to
 * `tenureMin + tenureSpan − 1` steps; `stableLimit` steps without a new best of the run kick the
 * schedule with 1 to `kicks` random swaps; `restartAfter` steps without one (all rounds planned)
 * start a new run from a new greedy schedule, keeping the best schedule of all runs.
 */
const golfers = {
  phaseLimit: 20_000,
  tenureMin: 5,
  tenureSpan: 11,
  stableLimit: 10,
  kicks: 2,
  restartAfter: 30_000
} as const

/** How often (in steps) the clock is read: a step costs microseconds, a clock read about 50 ns. */
const clockEvery = 32

export class RotationSearch {
  /** `tabu[(r·n + i)·n + j]`: the step until which i and j may not swap back in round r. */
  private readonly tabu: Int32Array
  /** The best schedule found, `best[r·n + i]` (only meaningful once every round is active). */
  readonly best: Int32Array
  private bestValue = Number.NEGATIVE_INFINITY
  /** Steps since the last new best. */
  private stable = 0
  /** The tabu steps taken so far. */
  iterations = 0
  /** The equally good swaps of one step, as triples r, i, j (every swap of every round at most). */
  private ties = new Int32Array(3 * 1024)

  constructor(
    private readonly schedule: Schedule,
    private readonly greedy: Greedy,
    private readonly rng: Rng.Rng,
    private readonly repeatWeight: number,
    private readonly limits: Limits
  ) {
    const { n, rounds } = schedule
    this.tabu = new Int32Array(rounds * n * n)
    this.best = new Int32Array(rounds * n)
  }

  private value(): number {
    return this.schedule.soft - this.repeatWeight * this.schedule.extra
  }

  private outOfTime(): boolean {
    const { deadline, clock } = this.limits
    return deadline !== Number.POSITIVE_INFINITY && (this.iterations & (clockEvery - 1)) === 0 && clock() >= deadline
  }

  /** Plans one more round greedily against the rounds so far; the search then works on all of them. */
  private addRound(): void {
    const s = this.schedule
    s.rebuild()
    this.greedy.round(s.active)
    s.active++
    s.rebuild()
    this.tabu.fill(0)
    this.stable = 0
    this.bestValue = this.value()
  }

  /** Plans every round that is not planned yet, greedily (also when the budget ran out). */
  complete(): void {
    while (this.schedule.active < this.schedule.rounds) this.addRound()
  }

  /** Takes a new best when the current schedule beats it. */
  private record(): boolean {
    const value = this.value()
    if (value > this.bestValue + 1e-9) {
      this.bestValue = value
      if (this.schedule.active === this.schedule.rounds) this.best.set(this.schedule.group)
      this.stable = 0
      return true
    }
    this.stable++
    return false
  }

  private grow(): void {
    const wider = new Int32Array(this.ties.length * 2)
    wider.set(this.ties)
    this.ties = wider
  }

  private forbid(r: number, i: number, j: number, tenure: number): void {
    const n = this.schedule.n
    const until = this.iterations + tenure
    this.tabu[(r * n + i) * n + j] = until
    this.tabu[(r * n + j) * n + i] = until
  }

  /** The search with a score matrix (the rotation behind `Form.plan`), as decision 0014 set it. */
  policy(): void {
    const s = this.schedule
    const { rng, repeatWeight: lambda, tabu } = this
    const n = s.n
    const stableLimit = Math.max(200, 4 * n)
    const kickLimit = Math.max(2, Math.round(n / 10))
    this.complete()
    this.best.set(s.group)
    // one candidate step: the number of best swaps so far (triples r, i, j in `ties`) and their value
    let count = 0
    let bestDelta = Number.NEGATIVE_INFINITY
    const consider = (r: number, i: number, j: number): void => {
      const dc = s.conflictDelta(r, i, j)
      const ds = s.softDelta(r, i, j)
      const delta = ds - lambda * dc
      if (delta < bestDelta - 1e-9) return
      if (
        (tabu[(r * n + i) * n + j] as number) > this.iterations &&
        !(s.soft + ds - lambda * (s.extra + dc) > this.bestValue + 1e-9)
      )
        return
      if (delta > bestDelta + 1e-9) {
        bestDelta = delta
        count = 0
      }
      if (count === this.ties.length) this.grow()
      this.ties[count++] = r
      this.ties[count++] = i
      this.ties[count++] = j
    }
    while (this.iterations < this.limits.iterations) {
      if (this.outOfTime()) break
      this.iterations++
      // a conflict step (swaps of a person who meets someone again) every other step while there
      // are repeats, otherwise all swaps in one random round
      const focus = s.extra > 0 && (this.iterations & 1) === 0
      bestDelta = Number.NEGATIVE_INFINITY
      count = 0
      if (focus) {
        for (let r = 0; r < s.active; r++) {
          const base = r * n
          for (let i = 0; i < n; i++) {
            const a = s.group[base + i] as number
            if ((s.twice[(base + i) * s.groups + a] as number) === 0) continue
            for (let j = 0; j < n; j++) if (s.group[base + j] !== a) consider(r, i, j)
          }
        }
      } else {
        const r = rng.int(s.active)
        const base = r * n
        for (let i = 0; i < n; i++) {
          const a = s.group[base + i] as number
          for (let j = i + 1; j < n; j++) if (s.group[base + j] !== a) consider(r, i, j)
        }
      }
      if (count === 0) this.stable++
      else {
        const pick = rng.int(count / 3) * 3
        const r = this.ties[pick] as number
        const i = this.ties[pick + 1] as number
        const j = this.ties[pick + 2] as number
        s.swap(r, i, j)
        this.forbid(r, i, j, 5 + rng.int(11))
        this.record()
      }
      if (this.stable >= stableLimit) {
        s.load(this.best)
        this.kick(1 + rng.int(kickLimit))
        s.rebuild()
        tabu.fill(0)
        this.stable = 0
      }
    }
  }

  /** `count` random exchanges in random rounds (the tables need a rebuild after). */
  private kick(count: number): void {
    const s = this.schedule
    const { rng } = this
    for (let k = 0; k < count; k++) {
      const r = rng.int(s.active)
      const i = rng.int(s.n)
      const j = rng.int(s.n)
      if (s.group[r * s.n + i] !== s.group[r * s.n + j]) s.exchange(r, i, j)
    }
  }

  /**
   * The search without a score matrix (the social golfer problem), round by round: a new round is
   * added greedily, the search works on all rounds so far until nobody meets twice (or `phaseLimit`
   * steps), a stall of ten steps kicks the current schedule with one or two random swaps, and a run
   * that stops improving is replaced by a new one; the best schedule of all runs is kept in `best`.
   */
  golfers(): void {
    const s = this.schedule
    const { rng, tabu } = this
    const { n, groups: G, group, once, twice, met } = s
    let overall = Number.POSITIVE_INFINITY
    let runBest = Number.POSITIVE_INFINITY
    let phaseStart = 0
    let lastGain = 0
    const startRound = (): void => {
      this.addRound()
      phaseStart = this.iterations
      lastGain = this.iterations
      runBest = s.extra
    }
    startRound()
    while (this.iterations < this.limits.iterations) {
      if (s.active < s.rounds) {
        if (s.extra === 0 || this.iterations - phaseStart >= golfers.phaseLimit) {
          startRound()
          continue
        }
      } else {
        if (s.extra < overall) {
          overall = s.extra
          this.best.set(group)
        }
        if (s.extra === 0) break
        if (this.iterations - lastGain >= golfers.restartAfter) {
          s.active = 0
          startRound()
          continue
        }
      }
      if (this.outOfTime()) break
      this.iterations++
      const it = this.iterations
      let bestD = Number.POSITIVE_INFINITY
      let ties = 0
      const extra = s.extra
      for (let r = 0; r < s.active; r++) {
        const base = r * n
        for (let i = 0; i < n; i++) {
          const a = group[base + i] as number
          const ri = (base + i) * G
          const leave = twice[ri + a] as number
          if (leave === 0) continue
          const metRow = i * n
          const tabuRow = (base + i) * n
          for (let j = 0; j < n; j++) {
            const b = group[base + j] as number
            if (b === a) continue
            const rj = (base + j) * G
            const d =
              (once[ri + b] as number) +
              (once[rj + a] as number) -
              ((met[metRow + j] as number) >= 1 ? 2 : 0) -
              leave -
              (twice[rj + b] as number)
            if (d > bestD) continue
            if ((tabu[tabuRow + j] as number) > it && !(extra + d < runBest)) continue
            if (d < bestD) {
              bestD = d
              ties = 0
            }
            if (ties === this.ties.length) this.grow()
            this.ties[ties++] = r
            this.ties[ties++] = i
            this.ties[ties++] = j
          }
        }
      }
      if (ties === 0) this.stable++
      else {
        const pick = rng.int(ties / 3) * 3
        const r = this.ties[pick] as number
        const i = this.ties[pick + 1] as number
        const j = this.ties[pick + 2] as number
        s.swap(r, i, j)
        this.forbid(r, i, j, golfers.tenureMin + rng.int(golfers.tenureSpan))
        if (s.extra < runBest) {
          runBest = s.extra
          lastGain = it
          this.stable = 0
        } else this.stable++
      }
      if (this.stable >= golfers.stableLimit) {
        const count = 1 + rng.int(golfers.kicks)
        for (let k = 0; k < count; k++) {
          const r = rng.int(s.active)
          const i = rng.int(n)
          const j = rng.int(n)
          if (group[r * n + i] !== group[r * n + j]) s.swap(r, i, j)
        }
        this.stable = 0
      }
    }
    if (overall === Number.POSITIVE_INFINITY) {
      this.complete()
      this.best.set(group)
    }
  }
}

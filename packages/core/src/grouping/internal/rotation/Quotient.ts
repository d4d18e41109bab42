/**
 * A tabu search over the base rounds of a cyclic template (decision 0104): instead of the w rounds
 * of the rotation, it moves people in the k developed base rounds whose m shifts make the rotation,
 * and rows in the c invariant ones (see {@link Cyclic}), and counts, instead of repeated pairs, the
 * pair classes used more than once and the pairs that may never share a base group. That count is
 * zero exactly when the rotation has no repeated pair. A step swaps two people (or rows) of
 * different groups in one base round, or moves the person that stands for a row of an invariant
 * round, one of them in a conflict, taking the best move that is not tabu (or that beats the best of
 * the run), as Dotú & Van Hentenryck (2005) do on whole rotations; a run starts from random base
 * rounds and ends after `stallLimit` steps without a new best. The space is about m times smaller
 * than the rotation's, and every solution of it is a whole rotation.
 *
 * Decision 0142 adds two things. A swap of two rows of an invariant round gives each row its best
 * person in its new set in the same step (the classes it touches are all different, so the best
 * place of each row is read on its own). And when a template has a single developed round, every
 * class must be held (as many pairs in the base groups as classes) and m is 3 or 4 (see
 * {@link pinnable}), the people at places 0 and 1 of each row share a group of that round and never
 * move: every solution has, in each row, one pair at distance 1 in that round (nothing else can
 * hold the row's class of distance 1), shifting a row's places maps solutions onto solutions, and
 * two such pairs never share a group.
 */
import type * as Rng from "../../../random/Rng.js"
import { classTable, develop, type Template, templates } from "./Cyclic.js"
import { repeatsOf } from "./Meetings.js"
import { exchangeSlots } from "./Schedule.js"

export class Quotient {
  private readonly n: number
  private readonly m: number
  private readonly t: number
  private readonly k: number
  private readonly bases: number
  /**
   * Per base round b (developed b < k, invariant after): `group[b·n + u]` the group of unit u (a
   * person, or a row), `slot[b·n + q·p + s]` the members of group q, `point[b·n + u]` the person
   * that stands for u (u itself, or the person of row u at its place).
   */
  private readonly group: Int32Array
  private readonly slot: Int32Array
  private readonly slotOf: Int32Array
  private readonly point: Int32Array
  /** How many pairs of all base groups hold each class. */
  private readonly use: Int32Array
  /** `tabu[(b·n + x)·n + y]`: the step until which x and y may not swap back in base round b. */
  private readonly tabu: Int32Array
  /** `tabuPlace[(b·n + r)·m + x]`: the step until which row r may not take place x again. */
  private readonly tabuPlace: Int32Array
  private readonly conflicted: Uint8Array
  /** `stamp[class] = stampCount`: the class was met in the current {@link peek}. */
  private readonly stamp: Int32Array
  private stampCount = 0
  private ties = new Int32Array(3 * 256)
  /** `pinned[u]`: person u never moves in developed round 0 (see the module's comment). */
  private readonly pinned: Uint8Array
  /** The best places found by the last {@link exchange}, encoded as placeX + m·placeY. */
  private exchanged = 0
  /** See {@link tabulate}: per invariant round, `t` entries of `leaving` and `t·m·sets` of `joining`. */
  private readonly leaving: Int32Array
  private readonly joining: Int32Array
  private readonly sets: number
  /** The rows a < b and offset d (x_b − x_a) of every class between two rows (−1 for the others). */
  private readonly classLow: Int32Array
  private readonly classHigh: Int32Array
  private readonly classOffset: Int32Array
  /** Whether {@link add} and {@link remove} keep the tables of the invariant rounds (when a move is made). */
  private tracking = false
  /** Classes used more than once (counted once per extra use) plus pairs of a forbidden kind. */
  cost = 0
  steps = 0
  /**
   * The moves read over all steps: the work of the search, which grows with the size of a step's
   * neighbourhood, so that templates share work rather than steps (decision 0142).
   */
  work = 0
  /** The lowest cost reached by any run, and its base rounds. */
  lowest = Number.POSITIVE_INFINITY
  private readonly lowestGroup: Int32Array
  private readonly lowestPoint: Int32Array

  constructor(
    g: number,
    private readonly p: number,
    readonly shape: Template,
    private readonly kind: Int32Array,
    classes: number
  ) {
    const n = g * p
    this.n = n
    this.m = shape.m
    this.t = shape.t
    this.k = shape.k
    this.bases = shape.k + shape.c
    this.group = new Int32Array(this.bases * n)
    this.slot = new Int32Array(this.bases * n)
    this.slotOf = new Int32Array(this.bases * n)
    this.point = new Int32Array(this.bases * n)
    this.use = new Int32Array(classes)
    this.stamp = new Int32Array(classes)
    this.tabu = new Int32Array(this.bases * n * n)
    this.tabuPlace = new Int32Array(this.bases * n * shape.m)
    this.conflicted = new Uint8Array(this.bases * n)
    this.lowestGroup = new Int32Array(this.bases * n)
    this.lowestPoint = new Int32Array(this.bases * n)
    this.pinned = new Uint8Array(n)
    this.sets = Math.floor(shape.t / p)
    this.leaving = new Int32Array(shape.c * shape.t)
    this.joining = new Int32Array(shape.c * shape.t * shape.m * this.sets)
    this.classLow = new Int32Array(shape.c > 0 ? classes : 0).fill(-1)
    this.classHigh = new Int32Array(shape.c > 0 ? classes : 0)
    this.classOffset = new Int32Array(shape.c > 0 ? classes : 0)
    if (shape.c > 0)
      for (let u = 0; u < shape.m * shape.t; u++)
        for (let v = 0; v < shape.m * shape.t; v++) {
          const cls = kind[u * n + v] as number
          const a = Math.floor(u / shape.m)
          const b = Math.floor(v / shape.m)
          if (cls < 0 || a >= b) continue
          this.classLow[cls] = a
          this.classHigh[cls] = b
          this.classOffset[cls] = ((((v % shape.m) - (u % shape.m)) % shape.m) + shape.m) % shape.m
        }
    if (pinnable(g, p, shape, classes))
      for (let r = 0; r < shape.t; r++) {
        this.pinned[r * shape.m] = 1
        this.pinned[r * shape.m + 1] = 1
      }
  }

  /** The units of base round b: every person (developed) or every row (invariant). */
  private units(b: number): number {
    return b < this.k ? this.n : this.t
  }

  private add(cls: number): number {
    if (cls < 0) return 1
    const before = this.use[cls] as number
    this.use[cls] = before + 1
    if (this.tracking && before < 2) this.crossed(cls, before === 0 ? 1 : 0, before === 1 ? -1 : 0)
    return before >= 1 ? 1 : 0
  }

  private remove(cls: number): number {
    if (cls < 0) return -1
    const before = this.use[cls] as number
    this.use[cls] = before - 1
    if (this.tracking && before <= 2) this.crossed(cls, before === 1 ? -1 : 0, before === 2 ? 1 : 0)
    return before >= 2 ? -1 : 0
  }

  /**
   * Keeps the tables of every invariant round (see {@link tabulate}) when class cls comes to be held
   * or no longer (`joined` ±1) or to be held more than once or no longer (`left` ∓1): each round has
   * one entry of `joining` for each of the class's two rows, and one of `leaving` each when the two
   * rows share a set at the class's offset.
   */
  private crossed(cls: number, joined: number, left: number): void {
    const a = this.classLow[cls] as number
    if (a < 0) return
    const { n, m, k, t, sets, group, point, joining, leaving } = this
    const b = this.classHigh[cls] as number
    const d = this.classOffset[cls] as number
    for (let round = k; round < this.bases; round++) {
      const base = round * n
      const pa = (point[base + a] as number) % m
      const pb = (point[base + b] as number) % m
      const qa = group[base + a] as number
      const qb = group[base + b] as number
      if (joined !== 0) {
        const at = (round - k) * t * m * sets
        joining[at + (a * m + ((pb - d + m) % m)) * sets + qb] =
          (joining[at + (a * m + ((pb - d + m) % m)) * sets + qb] as number) + joined
        joining[at + (b * m + ((pa + d) % m)) * sets + qa] =
          (joining[at + (b * m + ((pa + d) % m)) * sets + qa] as number) + joined
      }
      if (left !== 0 && qa === qb && (pb - pa + m) % m === d) {
        const at = (round - k) * t
        leaving[at + a] = (leaving[at + a] as number) + left
        leaving[at + b] = (leaving[at + b] as number) + left
      }
    }
  }

  /** Random base rounds. */
  private randomize(rng: Rng.Rng): void {
    const { n, m, p, kind, slot, point } = this
    this.use.fill(0)
    this.tabu.fill(0)
    this.tabuPlace.fill(0)
    this.cost = 0
    for (let b = 0; b < this.bases; b++) {
      const base = b * n
      const units = this.units(b)
      for (let u = 0; u < units; u++) {
        slot[base + u] = u
        point[base + u] = b < this.k ? u : u * m + rng.int(m)
      }
      for (let u = units - 1; u > 0; u--) {
        const j = rng.int(u + 1)
        const tmp = slot[base + u] as number
        slot[base + u] = slot[base + j] as number
        slot[base + j] = tmp
      }
      // pinned rows: row q's people at places 0 and 1 first in group q, the others in shuffled order
      if (b === 0 && this.pinned[0] === 1) {
        let at = 0
        const free = slot.filter((u, s) => s < units && this.pinned[u] === 0)
        for (let s = 0; s < units; s++)
          slot[base + s] =
            Math.floor(s / p) < this.t && s % p < 2 ? Math.floor(s / p) * m + (s % p) : (free[at++] as number)
      }
      for (let s = 0; s < units; s++) {
        const x = slot[base + s] as number
        this.slotOf[base + x] = s
        this.group[base + x] = Math.floor(s / p)
      }
      for (let a = 0; a < units; a++)
        for (let c = a + 1; c < units && Math.floor(c / p) === Math.floor(a / p); c++)
          this.cost += this.add(
            kind[
              (point[base + (slot[base + a] as number)] as number) * n +
                (point[base + (slot[base + c] as number)] as number)
            ] as number
          )
    }
    for (let b = this.k; b < this.bases; b++) this.tabulate(b)
  }

  /**
   * Counts the pairs of unit `leaving` with the rest of its group (the group's first slot `start`
   * in base round b) as held by person `into` instead of person `out` (both as row offsets `· n`),
   * and returns the change in cost. Calling it again with `out` and `into` exchanged undoes it.
   */
  private replace(base: number, start: number, leaving: number, out: number, into: number): number {
    const { p, kind, slot, point } = this
    let d = 0
    for (let s = start; s < start + p; s++) {
      const z = slot[base + s] as number
      if (z === leaving) continue
      const pz = point[base + z] as number
      d += this.remove(kind[out + pz] as number)
      d += this.add(kind[into + pz] as number)
    }
    return d
  }

  /** The change in cost when x and y (in different groups of base round b) swap, applied when `keep`. */
  private delta(b: number, x: number, y: number, keep: boolean): number {
    const { n, p, group, point } = this
    const base = b * n
    const ga = (group[base + x] as number) * p
    const gb = (group[base + y] as number) * p
    const px = (point[base + x] as number) * n
    const py = (point[base + y] as number) * n
    const d = this.replace(base, ga, x, px, py) + this.replace(base, gb, y, py, px)
    if (!keep) {
      this.replace(base, ga, x, py, px)
      this.replace(base, gb, y, px, py)
    }
    return d
  }

  /**
   * The change in cost when x and y swap, read without changing the counts when the classes the
   * swap removes and adds are all different (the usual case): each removed class held twice or more
   * lowers the cost by one, each added class already held raises it by one. Otherwise {@link delta}.
   */
  private peek(b: number, x: number, y: number): number {
    const { n, p, kind, slot, group, point, use, stamp } = this
    if (this.stampCount >= 0x3fffffff) {
      stamp.fill(0)
      this.stampCount = 0
    }
    const token = ++this.stampCount
    const base = b * n
    const ga = (group[base + x] as number) * p
    const gb = (group[base + y] as number) * p
    const px = (point[base + x] as number) * n
    const py = (point[base + y] as number) * n
    let d = 0
    for (let side = 0; side < 2; side++) {
      const start = side === 0 ? ga : gb
      const leaving = side === 0 ? x : y
      const out = side === 0 ? px : py
      const into = side === 0 ? py : px
      for (let s = start; s < start + p; s++) {
        const z = slot[base + s] as number
        if (z === leaving) continue
        const pz = point[base + z] as number
        const removed = kind[out + pz] as number
        const added = kind[into + pz] as number
        if (removed < 0) d--
        else {
          if (stamp[removed] === token) return this.delta(b, x, y, false)
          stamp[removed] = token
          if ((use[removed] as number) >= 2) d--
        }
        if (added < 0) d++
        else {
          if (stamp[added] === token) return this.delta(b, x, y, false)
          stamp[added] = token
          if ((use[added] as number) >= 1) d++
        }
      }
    }
    return d
  }

  /** The change in cost when row r of invariant base round b takes person `to` instead, applied when `keep`. */
  private deltaPlace(b: number, r: number, to: number, keep: boolean): number {
    const { n, p, group, point } = this
    const base = b * n
    const ga = (group[base + r] as number) * p
    const from = (point[base + r] as number) * n
    const d = this.replace(base, ga, r, from, to * n)
    if (!keep) this.replace(base, ga, r, to * n, from)
    return d
  }

  /**
   * Fills, for invariant base round b, the tables that {@link exchange} and a row's move to another
   * place read: `leaving[r]`, minus the classes of row r's pairs in its set that are held more than
   * once, and `joining[(r·m + place)·sets + q]`, the classes already held among the pairs that row r
   * at that place would form with the rows of set q other than r. Every class a move of rows touches
   * is a different pair of rows, so a move's change in cost is a sum of these parts. The tables are
   * filled when a run starts and after a move in the round, and kept by {@link crossed} otherwise.
   */
  private tabulate(b: number): void {
    const { n, m, p, t, kind, slot, group, point, use, leaving, joining, sets } = this
    const base = b * n
    const atL = (b - this.k) * t
    const atJ = (b - this.k) * t * m * sets
    for (let r = 0; r < t; r++) {
      const own = (group[base + r] as number) * p
      const pr = (point[base + r] as number) * n
      let d = 0
      for (let s = own; s < own + p; s++) {
        const z = slot[base + s] as number
        if (z !== r && (use[kind[pr + (point[base + z] as number)] as number] as number) >= 2) d--
      }
      leaving[atL + r] = d
      for (let place = 0; place < m; place++) {
        const at = (r * m + place) * n
        for (let q = 0; q < sets; q++) {
          let held = 0
          for (let s = q * p; s < q * p + p; s++) {
            const z = slot[base + s] as number
            if (z !== r && (use[kind[at + (point[base + z] as number)] as number] as number) >= 1) held++
          }
          joining[atJ + (r * m + place) * sets + q] = held
        }
      }
    }
  }

  /** The lowest cost row r brings into the set of row y of invariant base round b (y leaving it), its place in `bestPlace`. */
  private join(b: number, r: number, y: number): number {
    const { n, m, t, kind, group, point, use, joining, sets } = this
    const base = b * n
    const atJ = (b - this.k) * t * m * sets
    const q = group[base + y] as number
    const py = point[base + y] as number
    let lowest = Number.POSITIVE_INFINITY
    for (let place = 0; place < m; place++) {
      const at = r * m + place
      const d = (joining[atJ + at * sets + q] as number) - ((use[kind[at * n + py] as number] as number) >= 1 ? 1 : 0)
      if (d < lowest) {
        lowest = d
        this.bestPlace = place
      }
    }
    return lowest
  }

  private bestPlace = 0

  /**
   * The change in cost when rows x and y of invariant base round b (after {@link tabulate}) change
   * sets, each taking its best place in its new set (kept in {@link exchanged}).
   */
  private exchange(b: number, x: number, y: number): number {
    const atL = (b - this.k) * this.t
    const d = (this.leaving[atL + x] as number) + (this.leaving[atL + y] as number) + this.join(b, x, y)
    const placeX = this.bestPlace
    const e = this.join(b, y, x)
    this.exchanged = placeX + this.m * this.bestPlace
    return d + e
  }

  /** Row r of invariant base round b takes person `to`. */
  private place(b: number, r: number, to: number): void {
    const at = b * this.n + r
    if (this.point[at] === to) return
    this.tracking = true
    this.cost += this.deltaPlace(b, r, to, true)
    this.tracking = false
    this.point[at] = to
  }

  private swap(b: number, x: number, y: number): void {
    this.tracking = true
    this.cost += this.delta(b, x, y, true)
    this.tracking = false
    exchangeSlots(this.slot, this.slotOf, this.group, b * this.n, x, y)
  }

  /** Marks the units of a pair that holds a class used more than once, or a forbidden pair. */
  private markConflicts(): void {
    const { n, p, kind, slot, use, conflicted, point } = this
    conflicted.fill(0)
    for (let b = 0; b < this.bases; b++) {
      const base = b * n
      const units = this.units(b)
      for (let a = 0; a < units; a++) {
        const x = slot[base + a] as number
        const end = (Math.floor(a / p) + 1) * p
        for (let c = a + 1; c < end; c++) {
          const y = slot[base + c] as number
          const cls = kind[(point[base + x] as number) * n + (point[base + y] as number)] as number
          if (cls < 0 || (use[cls] as number) > 1) {
            conflicted[base + x] = 1
            conflicted[base + y] = 1
          }
        }
      }
    }
  }

  private tie(b: number, x: number, y: number, ties: number): number {
    if (ties === this.ties.length) {
      const wider = new Int32Array(this.ties.length * 2)
      wider.set(this.ties)
      this.ties = wider
    }
    this.ties[ties] = b
    this.ties[ties + 1] = x
    this.ties[ties + 2] = y
    return ties + 3
  }

  /**
   * One run from random base rounds: tabu steps until the cost is zero (true), `stallLimit` steps
   * pass without a new best of the run, `steps` reaches `budget`, or the clock reaches the deadline.
   */
  run(rng: Rng.Rng, stallLimit: number, budget: number, deadline: number, clock: () => number): boolean {
    const { n, m, group, tabu, tabuPlace, point } = this
    this.randomize(rng)
    if (this.cost < this.lowest) this.keep()
    let best = this.cost
    let lastGain = this.steps
    while (this.cost > 0) {
      if (this.steps >= budget || this.steps - lastGain >= stallLimit) return false
      if ((this.steps & 63) === 0 && clock() >= deadline) return false
      this.steps++
      const it = this.steps
      this.markConflicts()
      let bestD = Number.POSITIVE_INFINITY
      let ties = 0
      for (let b = 0; b < this.bases; b++) {
        const base = b * n
        const units = this.units(b)
        const pin = b === 0 && this.pinned[0] === 1
        if (b >= this.k) {
          let any = false
          for (let x = 0; x < units && !any; x++) any = this.conflicted[base + x] === 1
          if (!any) continue
        }
        for (let x = 0; x < units; x++) {
          if (this.conflicted[base + x] === 0 || (pin && this.pinned[x] === 1)) continue
          const gx = group[base + x] as number
          for (let y = 0; y < units; y++) {
            if (group[base + y] === gx || (pin && this.pinned[y] === 1)) continue
            // an exchange of rows is encoded as y + n·(1 + places)
            this.work++
            const d = b < this.k ? this.peek(b, x, y) : this.exchange(b, x, y)
            if (d > bestD) continue
            if ((tabu[(base + x) * n + y] as number) > it && !(this.cost + d < best)) continue
            if (d < bestD) {
              bestD = d
              ties = 0
            }
            ties = this.tie(b, x, b < this.k ? y : y + n * (1 + this.exchanged), ties)
          }
          if (b < this.k) continue
          // another person for row x: encoded as y = −1 − place
          const at = point[base + x] as number
          for (let place = 0; place < m; place++) {
            const to = x * m + place
            if (to === at) continue
            this.work++
            const d =
              (this.leaving[(b - this.k) * this.t + x] as number) +
              (this.joining[(b - this.k) * this.t * m * this.sets + to * this.sets + gx] as number)
            if (d > bestD) continue
            if ((tabuPlace[(base + x) * m + place] as number) > it && !(this.cost + d < best)) continue
            if (d < bestD) {
              bestD = d
              ties = 0
            }
            ties = this.tie(b, x, -1 - place, ties)
          }
        }
      }
      if (ties === 0) continue
      const pick = rng.int(ties / 3) * 3
      const b = this.ties[pick] as number
      const x = this.ties[pick + 1] as number
      const code = this.ties[pick + 2] as number
      const until = b < this.k ? it + tenureMin + rng.int(tenureSpan) : it + rowTenureMin + rng.int(rowTenureSpan)
      if (code >= 0) {
        const y = code % n
        this.swap(b, x, y)
        tabu[(b * n + x) * n + y] = until
        tabu[(b * n + y) * n + x] = until
        if (code >= n) {
          const places = Math.floor(code / n) - 1
          this.place(b, x, x * m + (places % m))
          this.place(b, y, y * m + Math.floor(places / m))
        }
      } else {
        const from = (point[b * n + x] as number) % m
        this.place(b, x, x * m + (-1 - code))
        tabuPlace[(b * n + x) * m + from] = until
      }
      // the round's own tables, which the move's changes of classes left behind (see crossed)
      if (b >= this.k) this.tabulate(b)
      if (this.cost < best) {
        best = this.cost
        lastGain = it
        if (best < this.lowest) this.keep()
      }
    }
    return true
  }

  /**
   * Whether the tables kept by {@link crossed} equal tables filled afresh (which it leaves in place):
   * a check for the tests, since wrong tables would only slow the search, never break a result.
   */
  tablesAgree(): boolean {
    const leaving = this.leaving.slice()
    const joining = this.joining.slice()
    for (let b = this.k; b < this.bases; b++) this.tabulate(b)
    return leaving.every((v, i) => v === this.leaving[i]) && joining.every((v, i) => v === this.joining[i])
  }

  /** Copies the current base rounds as the lowest of all runs. */
  private keep(): void {
    this.lowest = this.cost
    this.lowestGroup.set(this.group)
    this.lowestPoint.set(this.point)
  }

  /** The rotation of the current base rounds, or with `lowest` of the lowest-cost base rounds of all runs. */
  rounds(lowest = false): Array<Int32Array> {
    const { n, m, t, k } = this
    const group = lowest ? this.lowestGroup : this.group
    const point = lowest ? this.lowestPoint : this.point
    const rounds = develop(n, this.shape, group.subarray(0, k * n))
    for (let b = k; b < this.bases; b++) {
      const round = new Int32Array(n)
      for (let r = 0; r < t; r++) {
        const set = group[b * n + r] as number
        const place = (point[b * n + r] as number) % m
        for (let x = 0; x < m; x++) round[r * m + x] = set * m + ((((x - place) % m) + m) % m)
      }
      rounds.push(round)
    }
    return rounds
  }
}

/** The budget of {@link cyclic}: the most tabu steps over all runs, and the clock reading at which to stop. */
export interface Limits {
  readonly steps: number
  readonly deadline: number
  readonly clock: () => number
}

/**
 * A template's share of the work (moves read, {@link Quotient.work}; decision 0142, steps before) is its number of base rounds to this power (decision 0104, raised
 * from 3 by decision 0142): on 8-4-10 the template with seven base rounds, the only one that reaches
 * zero, gets 2 401 of 2 755 parts (87 %).
 */
const share = 4

/** Steps without a new best of a run, per person, after which the run ends. */
const stallPerPerson = 50

/** A swap of two people of a developed round stays tabu for 5 to 15 steps. */
const tenureMin = 5
const tenureSpan = 11

/**
 * An exchange of two rows of an invariant round stays tabu for 2 to 6 steps, and a row's old place
 * as long (decision 0142: shorter than a swap's, which on 8-4-10 found zeros about twice as often;
 * the swaps' tenure of 2–6 made templates of developed rounds alone, 8-4-9's m = 9, take 4–20 times
 * as many steps).
 */
const rowTenureMin = 2
const rowTenureSpan = 5

/**
 * Whether the people at places 0 and 1 of every row are pinned to a group of developed round 0 (see
 * the module's comment): a single developed round, every class held, a group for each row, and m = 3
 * or 4, so that distance 1 is the only class a row has of its own and the pinned pair is all the row
 * holds with itself. With larger m pinning is as sound but slowed the search (decision 0142: on 7-4-9
 * the templates m = 7 and m = 9 took 4–6 times as many steps).
 */
export const pinnable = (g: number, p: number, shape: Template, classes: number): boolean => {
  const pairs = (p * (p - 1)) / 2
  return (
    shape.k === 1 &&
    (shape.m === 3 || shape.m === 4) &&
    shape.t <= g &&
    g * pairs + (shape.c * g * pairs) / shape.m === classes
  )
}

/**
 * Searches for a rotation of g groups of p people over w rounds in which no pair meets twice, among
 * the rotations that a cyclic shift maps onto themselves: runs of {@link Quotient} from random base
 * rounds over every template that fits (see {@link templates}), each next run going to the template
 * furthest below its share of the work (moves read) (its base rounds to the fourth power), until one reaches zero, the steps
 * run out or the clock reaches the deadline. Returns the rounds (`rounds[r][i]` the group of
 * i) with no repeated pair, or else those with the fewest repeated pairs among the best base rounds
 * of each template (`undefined` when no template fits), their repeated pairs, and the steps taken.
 * The same seed and step budget give the same answer.
 */
export const cyclic = (
  g: number,
  p: number,
  w: number,
  rng: Rng.Rng,
  limits: Limits
): { readonly rounds: Array<Int32Array> | undefined; readonly repeats: number; readonly steps: number } => {
  const shapes = templates(g, p, w)
  const searches: Array<Quotient | undefined> = shapes.map(() => undefined)
  const stallLimit = stallPerPerson * g * p
  let steps = 0
  // each template's share of the work grows with the fourth power of its base rounds (the weaker the
  // symmetry, the larger the space and the likelier it holds a solution); the next run goes to the
  // template furthest below its share (the first among equals)
  const weights = shapes.map((s) => (s.k + s.c) ** share)
  const spent = shapes.map(() => 0)
  while (shapes.length > 0) {
    if (steps >= limits.steps || limits.clock() >= limits.deadline) break
    let at = 0
    for (let i = 1; i < shapes.length; i++)
      if ((spent[i] as number) / (weights[i] as number) < (spent[at] as number) / (weights[at] as number)) at = i
    const shape = shapes[at] as Template
    let search = searches[at]
    if (search === undefined) {
      const table = classTable(g * p, shape)
      search = new Quotient(g, p, shape, table.kind, table.classes)
      searches[at] = search
    }
    const before = search.steps
    const worked = search.work
    const found = search.run(rng, stallLimit, before + (limits.steps - steps), limits.deadline, limits.clock)
    steps += search.steps - before
    spent[at] = (spent[at] as number) + search.work - worked + 1
    if (found) return { rounds: search.rounds(), repeats: 0, steps }
  }
  // none reached zero: the rotation with the fewest repeated pairs among the lowest of each template
  let best: Array<Int32Array> | undefined
  let fewest = Number.POSITIVE_INFINITY
  for (const search of searches) {
    if (search === undefined || search.lowest === Number.POSITIVE_INFINITY) continue
    const rounds = search.rounds(true)
    const { repeats } = repeatsOf(g * p, rounds)
    if (repeats < fewest) {
      fewest = repeats
      best = rounds
    }
  }
  return { rounds: best, repeats: fewest, steps }
}

import { Agenda } from "@grenzeloos/core"
import { Either } from "effect"
import { describe, expect, it } from "vitest"

// Known answers from the literature, as collected in bench-data/voting/known-answers.md.
const expand = (profile: ReadonlyArray<readonly [number, string]>) =>
  profile.flatMap(([count, order]) => Array.from({ length: count }, () => order.split(">")))

const tennessee = expand([
  [42, "Memphis>Nashville>Chattanooga>Knoxville"],
  [26, "Nashville>Chattanooga>Knoxville>Memphis"],
  [15, "Chattanooga>Knoxville>Nashville>Memphis"],
  [17, "Knoxville>Chattanooga>Nashville>Memphis"]
])
const cities = ["Memphis", "Nashville", "Chattanooga", "Knoxville"]

// Wikipedia "Schulze method": 45 voters, five candidates, a Condorcet cycle.
const schulze45 = expand([
  [5, "A>C>B>E>D"],
  [5, "A>D>E>C>B"],
  [8, "B>E>D>A>C"],
  [3, "C>A>B>E>D"],
  [7, "C>A>E>B>D"],
  [2, "C>B>A>D>E"],
  [7, "D>C>E>B>A"],
  [8, "E>B>A>D>C"]
])

// Balinski–Laraki style profile (lzear/votes): every method a different winner.
const balinski = expand([
  [33, "a>b>c>d>e"],
  [16, "b>d>c>e>a"],
  [3, "c>d>b>a>e"],
  [8, "c>e>b>d>a"],
  [18, "d>e>c>b>a"],
  [22, "e>c>b>d>a"]
])

const borda = (candidates: ReadonlyArray<string>, rankings: ReadonlyArray<ReadonlyArray<string>>) =>
  Agenda.Scoring.count(
    candidates,
    rankings.map((ranking) => ({ _tag: "ranking", ranking }))
  ).total

describe("Schulze known answers", () => {
  it("Tennessee capital: Nashville > Chattanooga > Knoxville > Memphis", () => {
    expect(Agenda.Schulze.rank(cities, tennessee).order).toStrictEqual([
      "Nashville",
      "Chattanooga",
      "Knoxville",
      "Memphis"
    ])
  })

  it("Schulze's 45 voters: E > A > C > B > D with 4, 3, 2, 1, 0 strongest-path wins", () => {
    const ranking = Agenda.Schulze.rank(["A", "B", "C", "D", "E"], schulze45)
    expect(ranking.order).toStrictEqual(["E", "A", "C", "B", "D"])
    expect(Object.fromEntries(ranking.wins)).toStrictEqual({ E: 4, A: 3, C: 2, B: 1, D: 0 })
    // The published pairwise table: d[A][B] = 20, d[B][A] = 25; strongest path A→B is 28.
    expect(ranking.preferences[0]?.[1]).toBe(20)
    expect(ranking.preferences[1]?.[0]).toBe(25)
    expect(ranking.strongestPaths[0]?.[1]).toBe(28)
  })

  it("Balinski profile: the Condorcet winner c first, then b, d, e, a (the majority order)", () => {
    expect(Agenda.Schulze.rank(["a", "b", "c", "d", "e"], balinski).order).toStrictEqual(["c", "b", "d", "e", "a"])
  })

  it("partial rankings: unranked candidates are tied below the ranked ones", () => {
    const ranking = Agenda.Schulze.rank(["x", "y", "z"], [["z"], ["z"], ["y", "x"]])
    expect(ranking.order).toStrictEqual(["z", "y", "x"])
    expect(ranking.preferences[2]?.[0]).toBe(2) // z over x on the two ballots that rank only z
  })
})

describe("Borda known answers (3-2-1-0 points for full rankings)", () => {
  it("Tennessee: Nashville 194, Chattanooga 173, Memphis 126, Knoxville 107", () => {
    expect(Object.fromEntries(borda(cities, tennessee))).toStrictEqual({
      Nashville: 194,
      Chattanooga: 173,
      Memphis: 126,
      Knoxville: 107
    })
  })

  it("Schulze's 45 voters: E 102, A 98, B 92, C 89, D 69", () => {
    expect(Object.fromEntries(borda(["A", "B", "C", "D", "E"], schulze45))).toStrictEqual({
      A: 98,
      B: 92,
      C: 89,
      D: 69,
      E: 102
    })
  })

  it("Balinski profile: b 247, c 244, d 192, e 182, a 135", () => {
    expect(Object.fromEntries(borda(["a", "b", "c", "d", "e"], balinski))).toStrictEqual({
      a: 135,
      b: 247,
      c: 244,
      d: 192,
      e: 182
    })
  })

  it("a partial ranking shares the remaining points among the unranked themes", () => {
    // m = 4, one ballot ranks only w: w gets 3, the others share places 2..4: (2 + 1 + 0) / 3 = 1 each.
    expect(Object.fromEntries(borda(["w", "x", "y", "z"], [["w"]]))).toStrictEqual({ w: 3, x: 1, y: 1, z: 1 })
  })
})

describe("the methods through prioritise, on the Tennessee profile with two slots", () => {
  const input = (method: Agenda.Input.Method): Agenda.Input.AgendaInput => ({
    round: { themeIds: cities, format: { _tag: "ranking" } },
    themes: cities.map((id) => ({ id, durationMinutes: 60 })),
    ballots: tennessee.map((ranking, k) => ({ memberId: `m${k}`, content: { _tag: "ranking", ranking } })),
    budget: { _tag: "slots", slots: 2 },
    method
  })
  const programme = (method: Agenda.Input.Method) =>
    Either.getOrThrow(Agenda.Prioritise.prioritise(input(method))).programme.map((t) => t.themeId)

  it("Schulze and Borda both give Nashville and Chattanooga", () => {
    expect(programme({ _tag: "schulze" })).toStrictEqual(["Nashville", "Chattanooga"])
    expect(programme({ _tag: "borda" })).toStrictEqual(["Nashville", "Chattanooga"])
  })

  it("Equal Shares with Borda utilities agrees: Memphis voters value Nashville too, and pay for it", () => {
    const result = Either.getOrThrow(Agenda.Prioritise.prioritise(input({ _tag: "equal-shares" })))
    expect(result.programme.map((t) => t.themeId)).toStrictEqual(["Nashville", "Chattanooga"])
    expect(result.programme[0]?.reason).toMatchObject({ _tag: "EqualShares", step: 1, payers: 100 })
  })
})

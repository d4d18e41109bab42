import { Services } from "@grenzeloos/core"
import { DateTime, Effect, Fiber, Option, Redacted, TestClock, TestContext } from "effect"
import { describe, expect, it } from "vitest"
import * as ExitCode from "../../src/cli/ExitCode.js"
import * as Output from "../../src/cli/Output.js"
import * as Progress from "../../src/cli/Progress.js"

describe("ExitCode.of", () => {
  it("maps each kind of failure to its documented code", () => {
    expect(ExitCode.of({ _tag: "DecodeError" })).toBe(2)
    expect(ExitCode.of({ _tag: "InvalidRows" })).toBe(2)
    expect(ExitCode.of({ _tag: "NotAllowed" })).toBe(3)
    expect(ExitCode.of({ _tag: "InvalidState" })).toBe(3)
    expect(ExitCode.of({ _tag: "StoreConflict" })).toBe(3)
    expect(ExitCode.of({ _tag: "NotFound" })).toBe(4)
    expect(ExitCode.of({ _tag: "GroupingInfeasible" })).toBe(5)
    expect(ExitCode.of({ _tag: "StoreUnavailable" })).toBe(6)
    expect(ExitCode.of({ _tag: "NotConfirmed" })).toBe(1)
    expect(ExitCode.of(new Error("boom"))).toBe(70)
  })

  it("gives every failure a command can end with its code, never the internal 70", () => {
    // These three exited 70 ("a bug; please report it") before the table was typed over the
    // commands' failures: a gathering in the wrong state, a message that cannot be written, and an
    // environment variable that does not decode.
    expect(ExitCode.of({ _tag: "GatheringStateError" })).toBe(3)
    expect(ExitCode.of({ _tag: "RenderError" })).toBe(2)
    expect(ExitCode.of({ _tag: "ConfigError" })).toBe(2)
    for (const [tag, code] of Object.entries(ExitCode.byTag)) {
      expect(ExitCode.of({ _tag: tag })).toBe(code)
      expect(code).not.toBe(70)
    }
    // Inherited names are not tags.
    expect(ExitCode.of({ _tag: "toString" })).toBe(70)
  })
})

describe("Output", () => {
  it("turns results into plain JSON data without e-mail addresses", () => {
    expect(
      Output.plain({
        at: DateTime.unsafeMake("2027-01-12T12:00:00Z"),
        email: Redacted.make("jan@minfin.nl"),
        maybe: Option.some(1),
        none: Option.none(),
        list: [new Map([["a", 1]])],
        left: undefined
      })
    ).toEqual({ at: "2027-01-12T12:00:00.000Z", email: "<redacted>", maybe: 1, none: null, list: [{ a: 1 }] })
  })

  it("writes moments as a Dutch reader expects, in Amsterdam time", () => {
    expect(Output.when(DateTime.unsafeMake("2027-01-12T12:00:00Z"))).toBe("dinsdag 12 januari 2027 om 13:00")
  })

  it("aligns table columns", () => {
    expect(
      Output.table(
        ["Id", "Naam"],
        [
          ["m-1", "Jan"],
          ["m-10", "Ayşe Özdemir"]
        ]
      )
    ).toEqual(["Id    Naam", "────  ────────────", "m-1   Jan", "m-10  Ayşe Özdemir"])
  })
})

describe("Progress", () => {
  it("draws a bar against the expected time, a spinner without one", () => {
    expect(Progress.frame("Leergroepen vormen", 500, 1000, 0)).toBe(
      "Leergroepen vormen [████████████░░░░░░░░░░░░] 0,5 s / 1,0 s"
    )
    expect(Progress.frame("Leergroepen vormen", 3000, 1000, 0)).toContain(`[${"█".repeat(24)}]`)
    expect(Progress.frame("Even geduld", 1200, undefined, 1)).toBe("⠙ Even geduld 1,2 s")
  })

  it("shows nothing for work under a second, and clears its line after longer work", async () => {
    const writes: Array<string> = []
    const target = { enabled: true, write: (text: string) => void writes.push(text) }
    await Effect.runPromise(
      Effect.gen(function* () {
        yield* Progress.around(
          target,
          "Snel",
          undefined
        )(Effect.sleep("500 millis")).pipe(
          Effect.fork,
          Effect.tap(() => TestClock.adjust("600 millis")),
          Effect.flatMap(Fiber.join)
        )
        expect(writes).toEqual([])
        yield* Progress.around(
          target,
          "Traag",
          undefined
        )(Effect.sleep("3 seconds")).pipe(
          Effect.fork,
          Effect.tap(() => TestClock.adjust("4 seconds")),
          Effect.flatMap(Fiber.join)
        )
      }).pipe(Effect.provide(TestContext.TestContext))
    )
    expect(writes.length).toBeGreaterThan(5)
    expect(writes.some((w) => w.includes("Traag"))).toBe(true)
    expect(writes.at(-1)).toBe("\r\x1b[2K")
  })

  it("announces work with a budget of a second or more at once, before a synchronous engine blocks the timers", async () => {
    const writes: Array<string> = []
    const target = { enabled: true, write: (text: string) => void writes.push(text) }
    const seen = await Effect.runPromise(
      Progress.around(target, "Leergroepen vormen", 2000)(Effect.sync(() => [...writes]))
    )
    expect(seen).toEqual(["\r\x1b[2KLeergroepen vormen (hoogstens 2,0 s)…"])
    expect(writes.at(-1)).toBe("\r\x1b[2K")
  })

  it("draws a real bar from the progress an engine reports while it holds the thread", async () => {
    const writes: Array<string> = []
    const target = { enabled: true, write: (text: string) => void writes.push(text) }
    const engine = Effect.flatMap(Services.Progress.Progress, (progress) =>
      Effect.sync(() => {
        progress.report("grouping", 0.5)
        progress.report("grouping", 1)
      })
    )
    await Effect.runPromise(Progress.around(target, "Leergroepen vormen", 2000)(engine))
    expect(writes.filter((w) => w.includes("%")).map((w) => w.replace(/ [\d,]+ s$/, ""))).toEqual([
      `\r\x1b[2KLeergroepen vormen [${"█".repeat(12)}${"░".repeat(12)}]  50 %`,
      `\r\x1b[2KLeergroepen vormen [${"█".repeat(24)}] 100 %`
    ])
    expect(writes.at(-1)).toBe("\r\x1b[2K")
    expect(Progress.bar("Leergroepen vormen", 0.5, 1200)).toBe(
      "Leergroepen vormen [████████████░░░░░░░░░░░░]  50 % 1,2 s"
    )
  })

  it("announces a large batch at once when asked to", async () => {
    const writes: Array<string> = []
    const target = { enabled: true, write: (text: string) => void writes.push(text) }
    await Effect.runPromise(
      Progress.around(target, "5000 leden registreren", undefined, { announce: true })(Effect.void)
    )
    expect(writes).toEqual(["\r\x1b[2K5000 leden registreren…", "\r\x1b[2K"])
  })

  it("stays silent when the target is not a terminal", async () => {
    const writes: Array<string> = []
    const result = await Effect.runPromise(
      Progress.around({ enabled: false, write: (t) => void writes.push(t) }, "x", undefined)(Effect.succeed(42))
    )
    expect(result).toBe(42)
    expect(writes).toEqual([])
  })
})

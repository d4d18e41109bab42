/**
 * A progress indicator on the terminal for anything that takes more than a second: a bar when
 * the expected duration is known (the search budget of the grouping engine), a spinner with the
 * time so far otherwise. Work known to take a second or more (a search budget, an import of
 * thousands of rows) is announced at once, since a synchronous engine call or SQLite batch
 * keeps the timers from firing until it returns. It writes to standard error, only when that is a terminal and the
 * output is not `--json`, and clears its line when the work is done.
 *
 * Not part of the package's public API (decision 0114): the command line's own plumbing.
 *
 * @internal
 * @since 0.1.0
 */
import { Services } from "@grenzeloos/core"
import { Effect, Fiber, Schedule } from "effect"

const SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
const WIDTH = 24

const seconds = (ms: number) =>
  (ms / 1000).toLocaleString("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 })

/**
 * One frame of the indicator: `label [████░░░░] 1,2 s / 2,0 s` with an expected duration,
 * `⠙ label 1,2 s` without.
 *
 * @since 0.1.0
 */
export const frame = (label: string, elapsedMs: number, expectedMs: number | undefined, tick: number): string => {
  if (expectedMs === undefined || expectedMs <= 0) {
    return `${SPINNER[tick % SPINNER.length]} ${label} ${seconds(elapsedMs)} s`
  }
  const filled = Math.min(WIDTH, Math.round((elapsedMs / expectedMs) * WIDTH))
  return `${label} [${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${seconds(elapsedMs)} s / ${seconds(expectedMs)} s`
}

/**
 * One line of a progress bar for a share of the work done (0–1).
 *
 * @since 0.1.0
 */
export const bar = (label: string, share: number, elapsedMs: number): string => {
  const filled = Math.min(WIDTH, Math.max(0, Math.round(share * WIDTH)))
  const percent = String(Math.round(Math.min(1, Math.max(0, share)) * 100)).padStart(3)
  return `${label} [${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${percent} % ${seconds(elapsedMs)} s`
}

/**
 * Where the indicator writes, and whether it may (a terminal, not `--json`).
 *
 * @since 0.1.0
 */
export interface Target {
  readonly enabled: boolean
  readonly write: (text: string) => void
}

/**
 * Standard error when it is a terminal.
 *
 * @since 0.1.0
 */
export const stderr = (json: boolean): Target => ({
  enabled: !json && process.stderr.isTTY === true,
  write: (text) => process.stderr.write(text)
})

/**
 * Runs `effect`, showing the indicator from the first second on until it ends.
 *
 * @since 0.1.0
 */
export const around =
  (target: Target, label: string, expectedMs: number | undefined, options: { readonly announce?: boolean } = {}) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, Exclude<R, Services.Progress.Progress>> => {
    if (!target.enabled) return Effect.provideService(effect, Services.Progress.Progress, { report: () => {} })
    return Effect.gen(function* () {
      const started = Date.now()
      let tick = 0
      let shown = false
      const draw = Effect.sync(() => {
        shown = true
        target.write(`\r\x1b[2K${frame(label, Date.now() - started, expectedMs, tick++)}`)
      })
      // The engines are synchronous: while one runs, no timer fires. Work known to take a second
      // or more (the grouping search's budget) is announced at once, with its budget.
      if (expectedMs !== undefined && expectedMs >= 1000) {
        shown = true
        target.write(`\r\x1b[2K${label} (hoogstens ${seconds(expectedMs)} s)…`)
      } else if (options.announce === true) {
        shown = true
        target.write(`\r\x1b[2K${label}…`)
      }
      const indicator = yield* Effect.fork(
        Effect.sleep("1 second").pipe(Effect.zipRight(Effect.repeat(draw, Schedule.spaced("100 millis"))))
      )
      // An engine that reports its progress (the grouping search) draws a real bar from inside its
      // loop, where no timer can fire.
      const engineBar = {
        report: (_task: string, share: number) => {
          shown = true
          target.write(`\r\x1b[2K${bar(label, share, Date.now() - started)}`)
        }
      }
      return yield* Effect.provideService(effect, Services.Progress.Progress, engineBar).pipe(
        Effect.ensuring(
          Fiber.interrupt(indicator).pipe(
            Effect.zipRight(
              Effect.sync(() => {
                if (shown) target.write("\r\x1b[2K")
              })
            )
          )
        )
      )
    })
  }

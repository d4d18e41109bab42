/**
 * An optional port for progress: a use case whose engine runs for a while (forming groups with a
 * time budget) reports how far it is, so a command line or a user interface can draw a bar while
 * the synchronous engine holds the thread. Without it in the context, nothing is reported.
 *
 * @since 0.1.0
 */
import { Context } from "effect"

/**
 * Receives progress: the task (`"grouping"`) and the share done, from 0 to 1 (1 at the end).
 * Called from inside the engine's loop: it must be quick and synchronous.
 *
 * @since 0.1.0
 */
export interface ProgressService {
  readonly report: (task: string, share: number) => void
}

/**
 * The progress port, provided around a use case call.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Services } from "@grenzeloos/core"
 *
 * declare const formGroups: Effect.Effect<unknown>
 * const withBar = Effect.provideService(formGroups, Services.Progress.Progress, {
 *   report: (task, share) => process.stderr.write(`\r${task} ${Math.round(share * 100)} %`)
 * })
 * ```
 * @since 0.1.0
 */
export class Progress extends Context.Tag("@grenzeloos/core/Progress")<Progress, ProgressService>() {}

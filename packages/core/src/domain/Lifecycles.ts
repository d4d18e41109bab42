/**
 * The life cycles of the records beside a gathering (polls, voting rounds, themes, rounds of
 * learning groups, intakes) as one table: for each use case that changes such a record, the
 * states it may start from. A use case asks {@link allow} instead of comparing a status itself, so
 * the rules live here and a refusal is data ({@link StateConflict}) that `texts/nl.ts` and
 * `texts/en.ts` put into words, naming the state the record is in and what can be done instead.
 * The gathering's own life cycle, with its transitions and timing, is `GatheringLifecycle`.
 *
 * @since 0.2.0
 */
import { Either } from "effect"
import type { PollStatus } from "./AvailabilityPoll.js"
import type { IntakeStatus } from "./Intake.js"
import type { RoundStatus } from "./Round.js"
import type { ThemeStatus } from "./Theme.js"
import type { VotingRoundStatus } from "./VotingRound.js"

/**
 * The states of each kind of record, by the kind's name in messages.
 *
 * @since 0.2.0
 */
export interface RecordStates {
  readonly "availability-poll": PollStatus
  readonly "voting-round": VotingRoundStatus
  readonly theme: ThemeStatus
  readonly round: RoundStatus
  readonly intake: IntakeStatus
}

/**
 * A kind of record with a life cycle in {@link STEPS}.
 *
 * @since 0.2.0
 */
export type RecordKind = keyof RecordStates

/**
 * One row of the table: the kind of record a step changes and the states it may start from.
 *
 * @since 0.2.0
 */
export interface Step<K extends RecordKind> {
  readonly kind: K
  readonly from: ReadonlyArray<RecordStates[K]>
}

const row = <K extends RecordKind>(kind: K, ...from: ReadonlyArray<RecordStates[K]>): Step<K> => ({ kind, from })

/**
 * The table: every step that is refused when its record is in the wrong state. `answerPoll`
 * covers a member's own answers and answers recorded for them; `programmeFromVote` is setting a
 * programme from a vote's stored result.
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * Domain.Lifecycles.STEPS.planSessions.from // ["planning", "active"]
 * ```
 * @since 0.2.0
 */
export const STEPS = {
  answerPoll: row("availability-poll", "open"),
  requestPollAnswers: row("availability-poll", "open"),
  decideDate: row("availability-poll", "open"),
  castBallot: row("voting-round", "open"),
  recordBallots: row("voting-round", "open"),
  withdrawBallot: row("voting-round", "open"),
  closeVoting: row("voting-round", "open"),
  programmeFromVote: row("voting-round", "closed"),
  editTheme: row("theme", "backlog"),
  withdrawTheme: row("theme", "backlog"),
  formGroups: row("round", "planning"),
  publishRound: row("round", "planning"),
  planSessions: row("round", "planning", "active"),
  recordIntake: row("intake", "planned")
} as const

/**
 * A step in {@link STEPS}.
 *
 * @since 0.2.0
 */
export type RecordStep = keyof typeof STEPS

/**
 * The kind of record a step changes.
 *
 * @since 0.2.0
 */
export type KindOf<S extends RecordStep> = (typeof STEPS)[S]["kind"]

/**
 * A step was refused: the record it names is in a state the step cannot start from. `title` is
 * the record's title or name, for the sentence.
 *
 * @example
 * ```ts
 * import { Domain, Texts } from "@grenzeloos/core"
 *
 * const conflict: Domain.Lifecycles.StateConflict = {
 *   _tag: "StateConflict",
 *   step: "castBallot",
 *   id: "v-2027-q1",
 *   title: "Thema's voor juni",
 *   state: "closed"
 * }
 * Texts.nl.conflict(conflict).problem // "is gesloten"
 * ```
 * @since 0.2.0
 */
export type StateConflict = {
  readonly [S in RecordStep]: {
    readonly _tag: "StateConflict"
    readonly step: S
    readonly id: string
    readonly title: string
    readonly state: RecordStates[KindOf<S>]
  }
}[RecordStep]

/**
 * Nothing when `step` may start from the record's state, or the {@link StateConflict} that says
 * why not.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const refused = Domain.Lifecycles.allow("editTheme", { id: "t-1", title: "Ouderschap", status: "scheduled" })
 * Either.isLeft(refused) // true
 * ```
 * @since 0.2.0
 */
export const allow = <S extends RecordStep>(
  step: S,
  record: { readonly id: string; readonly title: string; readonly status: RecordStates[KindOf<S>] }
): Either.Either<void, StateConflict> =>
  (STEPS[step].from as ReadonlyArray<string>).includes(record.status)
    ? Either.void
    : Either.left({
        _tag: "StateConflict",
        step,
        id: record.id,
        title: record.title,
        state: record.status
      } as StateConflict)

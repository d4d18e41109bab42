/**
 * The life cycle of a gathering as one transition table: planned → polling (dates proposed) →
 * date-decided → invited → held → closed, with moved and cancelled on the way. Every use case
 * that changes a gathering asks {@link transition} first, so the rules live here and nowhere
 * else; a refusal names the state the gathering is in and what can be done instead.
 *
 * @since 0.1.0
 */
import { DateTime, Either, Schema } from "effect"
import * as Texts from "../texts/index.js"
import type { GatheringStatus } from "./Gathering.js"
import type { Language } from "./Language.js"

/**
 * What can happen to a gathering, by the use case that does it.
 *
 * @since 0.1.0
 */
export type GatheringStep =
  | "proposeDates"
  | "decideDate"
  | "setProgramme"
  | "changeProgramme"
  | "sendInvitations"
  | "sendReminders"
  | "moveGathering"
  | "recordRsvp"
  | "recordAttendance"
  | "closeGathering"
  | "cancelGathering"
  | "requestPollAnswers"

/**
 * One row of the table: the states a step may start from, and the state it leads to (the same
 * state when left out). `raisesSequence`: the step changes what invitees were sent, so the
 * calendar SEQUENCE goes up and the UID stays. `timing`: the step can only be taken before the
 * gathering starts (nothing is sent or moved for a gathering in the past) or only once it has
 * started (attendance).
 *
 * @since 0.1.0
 */
export interface Transition {
  readonly from: ReadonlyArray<GatheringStatus>
  readonly to?: GatheringStatus
  readonly raisesSequence?: boolean
  readonly timing?: Timing
}

/**
 * When in time a step can be taken: before the gathering starts, or once it has started.
 *
 * @since 0.2.0
 */
export type Timing = "before-start" | "after-start"

const BEFORE_INVITATIONS: ReadonlyArray<GatheringStatus> = ["planned", "polling", "date-decided"]

/**
 * The transition table of a gathering's life cycle.
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * // Which states a gathering can be cancelled from.
 * const cancellable = Domain.GatheringLifecycle.TRANSITIONS.cancelGathering.from
 * ```
 * @since 0.1.0
 */
export const TRANSITIONS: { readonly [S in GatheringStep]: Transition } = {
  proposeDates: { from: ["planned"], to: "polling" },
  requestPollAnswers: { from: ["polling"] },
  decideDate: { from: ["polling"], to: "date-decided" },
  // A closed vote sets the programme directly until the invitations are out; after that only
  // changeProgramme does, and it sends an update.
  setProgramme: { from: BEFORE_INVITATIONS },
  changeProgramme: { from: [...BEFORE_INVITATIONS, "invited"] },
  sendInvitations: { from: ["date-decided", "invited"], to: "invited", timing: "before-start" },
  sendReminders: { from: ["invited"], timing: "before-start" },
  moveGathering: { from: ["date-decided", "invited"], raisesSequence: true, timing: "before-start" },
  recordRsvp: { from: ["invited"] },
  recordAttendance: { from: ["date-decided", "invited", "held"], to: "held", timing: "after-start" },
  closeGathering: { from: ["held"], to: "closed" },
  cancelGathering: {
    from: [...BEFORE_INVITATIONS, "invited"],
    to: "cancelled",
    raisesSequence: true,
    timing: "before-start"
  }
}

/**
 * A state in words, in Dutch or English.
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * Domain.GatheringLifecycle.stateText("invited", "nl") // "uitgenodigd"
 * ```
 * @since 0.1.0
 */
export const stateText = (state: GatheringStatus, language: Language): string => Texts.of(language).state(state)

/**
 * The steps that can be taken from a state, in the table's order.
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * Domain.GatheringLifecycle.nextSteps("invited") // ["changeProgramme", "sendInvitations", "sendReminders", …]
 * Domain.GatheringLifecycle.nextSteps("invited", true) // ["changeProgramme", "recordRsvp", "recordAttendance"]
 * ```
 * @since 0.1.0
 */
export const nextSteps = (state: GatheringStatus, started?: boolean): ReadonlyArray<GatheringStep> =>
  (Object.keys(TRANSITIONS) as Array<GatheringStep>).filter(
    (step) =>
      TRANSITIONS[step].from.includes(state) && (started === undefined || fitsTiming(TRANSITIONS[step], started))
  )

const fitsTiming = (row: Transition, started: boolean): boolean =>
  row.timing === undefined || (row.timing === "before-start") !== started

/**
 * A use case does not fit the state the gathering is in. It names the gathering, its state, the
 * states the step needs and the steps that can be taken now; {@link GatheringStateError.text}
 * says so in Dutch or English.
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const error: Domain.GatheringLifecycle.GatheringStateError
 * console.error(error.text("nl"))
 * ```
 * @since 0.1.0
 */
export class GatheringStateError extends Schema.TaggedError<GatheringStateError>(
  "@grenzeloos/core/GatheringStateError"
)("GatheringStateError", {
  gatheringId: Schema.String,
  title: Schema.String,
  state: Schema.String,
  step: Schema.String,
  needs: Schema.Array(Schema.String),
  possible: Schema.Array(Schema.String),
  /** The state fits, the moment does not: the gathering has `started` already, or has `not-started` yet. */
  timing: Schema.optionalWith(Schema.Literal("started", "not-started"), { exact: true })
}) {
  /** The refusal in Dutch or English. */
  text(language: Language): string {
    return Texts.of(language).refusal(this)
  }

  override get message(): string {
    return this.text("en")
  }
}

/**
 * Whether the gathering has started at `nowMillis` (a gathering without a date has not).
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const gathering: Domain.Gathering
 * Domain.GatheringLifecycle.hasStarted(gathering, Date.now())
 * ```
 * @since 0.2.0
 */
export const hasStarted = (
  gathering: { readonly startsAt?: DateTime.DateTime | undefined },
  nowMillis: number
): boolean => gathering.startsAt !== undefined && DateTime.toEpochMillis(gathering.startsAt) <= nowMillis

/**
 * The state a step leads to from the gathering's state, or the refusal that names the state and
 * what can be done instead. With `now`, a step with a {@link Timing} is also refused when the
 * gathering has started (or has not yet): the one place where a use case's state checks live.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const gathering: { readonly id: string; readonly title: string; readonly status: "invited" }
 * const next = Domain.GatheringLifecycle.transition(gathering, "moveGathering", Date.now())
 * if (Either.isRight(next)) console.log(next.right) // "invited"
 * ```
 * @since 0.1.0
 */
export const transition = (
  gathering: {
    readonly id: string
    readonly title: string
    readonly status: GatheringStatus
    readonly startsAt?: DateTime.DateTime | undefined
  },
  step: GatheringStep,
  /** The moment of the step, in epoch milliseconds; without it the timing is not checked. */
  nowMillis?: number
): Either.Either<GatheringStatus, GatheringStateError> => {
  const row = TRANSITIONS[step]
  const started = nowMillis === undefined ? undefined : hasStarted(gathering, nowMillis)
  const refuse = (timing?: "started" | "not-started") =>
    Either.left(
      new GatheringStateError({
        gatheringId: gathering.id,
        title: gathering.title,
        state: gathering.status,
        step,
        needs: row.from,
        possible: nextSteps(gathering.status, started),
        ...(timing === undefined ? {} : { timing })
      })
    )
  if (!row.from.includes(gathering.status)) return refuse()
  if (started !== undefined && !fitsTiming(row, started)) return refuse(started ? "started" : "not-started")
  return Either.right(row.to ?? gathering.status)
}

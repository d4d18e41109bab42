/**
 * The life cycle of a gathering as one transition table: planned → polling (dates proposed) →
 * date-decided → invited → held → closed, with moved and cancelled on the way. Every use case
 * that changes a gathering asks {@link transition} first, so the rules live here and nowhere
 * else; a refusal names the state the gathering is in and what can be done instead.
 *
 * @since 0.1.0
 */
import { Either, Schema } from "effect"
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
 * calendar SEQUENCE goes up and the UID stays.
 *
 * @since 0.1.0
 */
export interface Transition {
  readonly from: ReadonlyArray<GatheringStatus>
  readonly to?: GatheringStatus
  readonly raisesSequence?: boolean
}

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
  sendInvitations: { from: ["date-decided", "invited"], to: "invited" },
  sendReminders: { from: ["invited"] },
  moveGathering: { from: ["date-decided", "invited"], raisesSequence: true },
  recordRsvp: { from: ["invited"] },
  recordAttendance: { from: ["date-decided", "invited", "held"], to: "held" },
  closeGathering: { from: ["held"], to: "closed" },
  cancelGathering: { from: [...BEFORE_INVITATIONS, "invited"], to: "cancelled", raisesSequence: true }
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
 * ```
 * @since 0.1.0
 */
export const nextSteps = (state: GatheringStatus): ReadonlyArray<GatheringStep> =>
  (Object.keys(TRANSITIONS) as Array<GatheringStep>).filter((step) => TRANSITIONS[step].from.includes(state))

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
  possible: Schema.Array(Schema.String)
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
 * The state a step leads to from the gathering's state, or the refusal that names the state and
 * what can be done instead.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * declare const gathering: { readonly id: string; readonly title: string; readonly status: "invited" }
 * const next = Domain.GatheringLifecycle.transition(gathering, "moveGathering")
 * if (Either.isRight(next)) console.log(next.right) // "invited"
 * ```
 * @since 0.1.0
 */
export const transition = (
  gathering: { readonly id: string; readonly title: string; readonly status: GatheringStatus },
  step: GatheringStep
): Either.Either<GatheringStatus, GatheringStateError> => {
  const row = TRANSITIONS[step]
  if (row.from.includes(gathering.status)) return Either.right(row.to ?? gathering.status)
  return Either.left(
    new GatheringStateError({
      gatheringId: gathering.id,
      title: gathering.title,
      state: gathering.status,
      step,
      needs: row.from,
      possible: nextSteps(gathering.status)
    })
  )
}

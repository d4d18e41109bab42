/**
 * The domain model: every record of the community as an `effect/Schema` with branded ids, and
 * decoding that reports every problem with its path.
 *
 * @since 0.1.0
 */
export * from "./AvailabilityPoll.js"
export * from "./Ballot.js"
export * from "./CalendarDate.js"
export * from "./Case.js"
export * from "./Community.js"
export * from "./DateTimes.js"
export {
  DecodeError,
  type DecodeOptions,
  decode,
  formatPath,
  fromParseError,
  InputErrorFields,
  Problem
} from "./DecodeError.js"
export * from "./Duration.js"
export * from "./Email.js"
export * from "./Facilitator.js"
export * from "./FairnessRecord.js"
export * from "./Gathering.js"
/**
 * The life cycle of a gathering: its transition table and the refusal that names the state.
 *
 * @since 0.1.0
 */
export * as GatheringLifecycle from "./GatheringLifecycle.js"
export * from "./Ids.js"
export * from "./Intake.js"
export * from "./Language.js"
export * from "./LearningGroup.js"
/**
 * The life cycles of the records beside a gathering: which states each use case may start from.
 *
 * @since 0.2.0
 */
export * as Lifecycles from "./Lifecycles.js"
export * from "./Member.js"
export * from "./Quarter.js"
export * from "./Round.js"
export * from "./Text.js"
export * from "./Theme.js"
export * from "./VotingRound.js"

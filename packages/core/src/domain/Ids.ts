/**
 * Branded identifiers for every record of the domain.
 *
 * An id is an opaque, non-empty string of at most 128 printable ASCII characters without spaces
 * (letters, digits and `-_.:~`), so it is safe in URLs, file names, SQL parameters and log lines.
 * Each kind of record has its own brand, so a `MemberId` cannot be passed where a `ThemeId` is
 * expected.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:~-]{0,127}$/

const idOf = <const B extends string>(brand: B) =>
  Schema.String.pipe(
    Schema.pattern(ID_PATTERN, {
      message: (issue) =>
        `expected an id (1–128 characters: letters, digits and - _ . : ~, starting with a letter or digit), got ${JSON.stringify(issue.actual)}`
    }),
    Schema.brand(brand),
    Schema.annotations({ identifier: brand, title: brand })
  )

/**
 * The id of a {@link Community} (the tenant every record belongs to).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const id = Schema.decodeUnknownSync(Domain.CommunityId)("rijk-programmadirecteuren")
 * ```
 * @since 0.1.0
 */
export const CommunityId = idOf("CommunityId")
/** @since 0.1.0 */
export type CommunityId = typeof CommunityId.Type

/**
 * The id of a {@link Member}.
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * const id = Domain.MemberId.make("m-001")
 * ```
 * @since 0.1.0
 */
export const MemberId = idOf("MemberId")
/** @since 0.1.0 */
export type MemberId = typeof MemberId.Type

/**
 * The id of a {@link Facilitator}.
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * const id = Domain.FacilitatorId.make("f-001")
 * ```
 * @since 0.1.0
 */
export const FacilitatorId = idOf("FacilitatorId")
/** @since 0.1.0 */
export type FacilitatorId = typeof FacilitatorId.Type

/**
 * The id of an {@link Intake}.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // From a URL or a file: rejected with a message unless it is a valid id.
 * const id = Schema.decodeUnknownSync(Domain.IntakeId)("intake-2027-m-001")
 * ```
 * @since 0.1.0
 */
export const IntakeId = idOf("IntakeId")
/** @since 0.1.0 */
export type IntakeId = typeof IntakeId.Type

/**
 * The id of a {@link Round} of learning groups.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // From a URL or a file: rejected with a message unless it is a valid id.
 * const id = Schema.decodeUnknownSync(Domain.RoundId)("round-2027")
 * ```
 * @since 0.1.0
 */
export const RoundId = idOf("RoundId")
/** @since 0.1.0 */
export type RoundId = typeof RoundId.Type

/**
 * The id of a {@link LearningGroup}.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // From a URL or a file: rejected with a message unless it is a valid id.
 * const id = Schema.decodeUnknownSync(Domain.LearningGroupId)("group-2027-3")
 * ```
 * @since 0.1.0
 */
export const LearningGroupId = idOf("LearningGroupId")
/** @since 0.1.0 */
export type LearningGroupId = typeof LearningGroupId.Type

/**
 * The id of a {@link Case}.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // From a URL or a file: rejected with a message unless it is a valid id.
 * const id = Schema.decodeUnknownSync(Domain.CaseId)("case-17")
 * ```
 * @since 0.1.0
 */
export const CaseId = idOf("CaseId")
/** @since 0.1.0 */
export type CaseId = typeof CaseId.Type

/**
 * The id of a {@link Theme} on the backlog.
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * const id = Domain.ThemeId.make("t-omgaan-met-sabotage")
 * ```
 * @since 0.1.0
 */
export const ThemeId = idOf("ThemeId")
/** @since 0.1.0 */
export type ThemeId = typeof ThemeId.Type

/**
 * The id of a {@link VotingRound}.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // From a URL or a file: rejected with a message unless it is a valid id.
 * const id = Schema.decodeUnknownSync(Domain.VotingRoundId)("vote-2027-q1")
 * ```
 * @since 0.1.0
 */
export const VotingRoundId = idOf("VotingRoundId")
/** @since 0.1.0 */
export type VotingRoundId = typeof VotingRoundId.Type

/**
 * The id of a {@link Ballot}.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // From a URL or a file: rejected with a message unless it is a valid id.
 * const id = Schema.decodeUnknownSync(Domain.BallotId)("ballot-m-001-2027-q1")
 * ```
 * @since 0.1.0
 */
export const BallotId = idOf("BallotId")
/** @since 0.1.0 */
export type BallotId = typeof BallotId.Type

/**
 * The id of a {@link Gathering} (a quarterly community meeting).
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * const id = Domain.GatheringId.make("gathering-2027-q1")
 * ```
 * @since 0.1.0
 */
export const GatheringId = idOf("GatheringId")
/** @since 0.1.0 */
export type GatheringId = typeof GatheringId.Type

/**
 * The id of an {@link AvailabilityPoll}.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // From a URL or a file: rejected with a message unless it is a valid id.
 * const id = Schema.decodeUnknownSync(Domain.AvailabilityPollId)("poll-2027-q1")
 * ```
 * @since 0.1.0
 */
export const AvailabilityPollId = idOf("AvailabilityPollId")
/** @since 0.1.0 */
export type AvailabilityPollId = typeof AvailabilityPollId.Type

/**
 * The id of one candidate slot inside an {@link AvailabilityPoll}.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // From a URL or a file: rejected with a message unless it is a valid id.
 * const id = Schema.decodeUnknownSync(Domain.SlotId)("slot-1")
 * ```
 * @since 0.1.0
 */
export const SlotId = idOf("SlotId")
/** @since 0.1.0 */
export type SlotId = typeof SlotId.Type

/**
 * The id of a {@link PollResponse}.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * // From a URL or a file: rejected with a message unless it is a valid id.
 * const id = Schema.decodeUnknownSync(Domain.PollResponseId)("response-m-001")
 * ```
 * @since 0.1.0
 */
export const PollResponseId = idOf("PollResponseId")
/** @since 0.1.0 */
export type PollResponseId = typeof PollResponseId.Type

/**
 * The id of a {@link FairnessRecord} (one per member and closed vote).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * const id = Schema.decodeUnknownSync(Domain.FairnessRecordId)("vote-0001:m-001")
 * ```
 * @since 0.2.0
 */
export const FairnessRecordId = idOf("FairnessRecordId")
/** @since 0.2.0 */
export type FairnessRecordId = typeof FairnessRecordId.Type

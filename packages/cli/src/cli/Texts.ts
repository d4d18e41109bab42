/**
 * What the commands say, Dutch first and English second, in one place (`--lang`, or
 * `GRENZELOOS_LANG`): this interface, and one file per language (`texts/nl.ts`, `texts/en.ts`),
 * in the shape of zod v4's `locales/`, so a text a language forgets does not compile (decision
 * 0118). A command never builds a sentence itself. Help texts carry both languages side by side.
 * The core's reasons and refusals are rendered by the core's own locales (`Texts.of(language)` of
 * `@grenzeloos/core`), in the same language.
 *
 * Not part of the package's public API (decision 0114): the command line's own plumbing.
 *
 * @internal
 * @since 0.1.0
 */
import type { Texts as CoreTexts, Domain, Scheduling } from "@grenzeloos/core"
import { en } from "./texts/en.js"
import { nl } from "./texts/nl.js"

/**
 * The texts of the command line in one language.
 *
 * @since 0.1.0
 */
export interface Texts {
  readonly unreadable: (cause: string) => string
  readonly settingUp: string
  readonly communityReady: (name: string, id: string, where: string) => string
  readonly teamRegistered: (ids: string) => string
  readonly nextImport: string
  readonly registering: (count: number) => string
  readonly nothingImported: string
  readonly skipped: (row: number | undefined, column: string | undefined, message: string) => string
  readonly imported: (
    file: string,
    read: number,
    headerRow: number,
    created: number,
    updated: number,
    unchanged: number,
    skippedRows: ReadonlyArray<number>
  ) => string
  readonly fetchingMembers: string
  readonly noMembers: string
  readonly membersHeader: ReadonlyArray<string>
  readonly memberCount: (count: number) => string
  readonly registeringFacilitator: string
  readonly facilitatorRegistered: (name: string, ids: string) => string
  readonly planningIntakes: string
  readonly fromAfterTo: (from: string, to: string) => string
  readonly intakesPlanned: (planned: number, slots: number) => string
  readonly intakesHeader: ReadonlyArray<string>
  readonly unplaced: (count: number) => string
  readonly recordingIntake: string
  readonly intakeHeld: (intakeId: string, member: string) => string
  readonly intakeCancelled: (intakeId: string, member: string) => string
  readonly formingGroups: string
  readonly groupsFormed: (round: string, groups: number, roundId: string, published: boolean) => string
  readonly facilitatedBy: (facilitator: string) => string
  readonly unmet: (text: string) => string
  readonly addingTheme: string
  readonly themeAdded: (title: string, id: string, minutes: number) => string
  readonly importingBallots: string
  readonly noBallotHeader: string
  readonly ballotHeaderHint: string
  readonly nothingVoted: string
  readonly ballotsImported: (count: number, roundId: string) => string
  readonly prioritising: string
  readonly votesHeader: ReadonlyArray<string>
  readonly yes: string
  readonly no: string
  readonly fairness: (percent: number, voters: number) => string
  readonly proposingDates: string
  readonly daysExcluded: (count: number) => string
  readonly deciding: string
  readonly noPoll: string
  readonly noPollHint: string
  readonly inviting: string
  readonly invited: (invited: number, messages: number, file: string) => string
  readonly reporting: string
  readonly reportWithoutGroups: string
  readonly reportWithoutAgenda: string
  readonly reportWithoutDate: string
  readonly reportWritten: (file: string) => string
  /** A saved file given to `report` is not the output it should be: how to make it again. */
  readonly reportSavedFile: (option: "--groups" | "--agenda" | "--simulation") => string
  readonly collecting: string
  readonly exported: (memberId: string, file: string) => string
  readonly forgetting: string
  readonly forgotten: (memberId: string, intakes: number, cases: number, messages: number) => string
  readonly notConfirmed: (what: string) => string
  readonly unwritable: (option: string, path: string, reason: string) => string
  /** The file system's reason for a failed write (`NotFound`, `PermissionDenied`, …) as a person says it. */
  readonly writeFailure: (kind: string) => string | undefined
  /** The file system refused a path, for a reason in its own words. */
  readonly unreadableOrUnwritable: (path: string | undefined, reason: string) => string
  /** What the statuses of members, themes, gatherings, facilitators' roles and messages are called. */
  readonly memberStatus: (status: string) => string
  readonly themeStatus: (status: "backlog" | "scheduled" | "discussed" | "archived") => string
  readonly gatheringStatus: (status: string) => string
  readonly role: (role: "guest" | "programme-team") => string
  readonly messageStatus: (status: "pending" | "claimed" | "delivered" | "dead" | "superseded") => string
  readonly answer: (answer: "yes" | "if-need-be" | "no") => string
  /** A remark on a row of a file that was read anyway. */
  readonly remark: (row: number | undefined, message: string) => string
  readonly problemCount: (count: number) => string
  // Who is acting, and where.
  readonly notOnTeam: string
  readonly noCommunity: (db: string, community: string) => string
  readonly notOnTeamChoose: (choices: string) => string
  // facilitators list
  readonly fetchingFacilitators: string
  readonly noFacilitators: string
  readonly facilitatorsHeader: ReadonlyArray<string>
  readonly atMostGroups: (count: number) => string
  readonly facilitatorCount: (count: number) => string
  // groups form
  readonly facilitatorsShort: (detail: string) => string
  // sessions plan
  readonly planningSessions: string
  readonly sessionsPlanned: (round: string, perGroup: number, groups: number, total: number, messages: number) => string
  // themes
  readonly fetchingThemes: string
  readonly noThemes: string
  readonly themesHeader: ReadonlyArray<string>
  readonly themeCount: (count: number) => string
  readonly editingTheme: string
  readonly themeEdited: (title: string, minutes: number) => string
  readonly withdrawingTheme: string
  readonly themeWithdrawn: (title: string) => string
  // meeting
  readonly planningGathering: string
  readonly gatheringPlanned: (
    title: string,
    quarter: string,
    minutes: number,
    venue: string | undefined,
    status: string
  ) => string
  readonly proposeWith: (gatheringId: string) => string
  readonly noGathering: string
  readonly noGatheringHint: string
  readonly pollOpen: (title: string, pollId: string, dates: number) => string
  readonly askWith: (pollId: string) => string
  readonly answeredOf: (answered: number, total: number, unknown: number) => string
  /**
   * Who counted more in the poll's decision and why: the members who missed the last gathering or
   * could come to fewer of the year's gatherings. Only said when someone did.
   */
  readonly weighed: (heavier: string, maxWeight: number) => string
  readonly closeAndInvite: (gatheringId: string) => string
  readonly movingGathering: string
  readonly gatheringMoved: (
    title: string,
    when: string,
    venue: string | undefined,
    updated: number,
    sequence: number
  ) => string
  readonly cancellingGathering: string
  readonly gatheringCancelled: (title: string, notified: number, withdrawn: number) => string
  // poll
  readonly askingMembers: string
  readonly pollRequested: (asked: number, alreadyAnswered: number) => string
  readonly pollRequestNext: (pollId: string) => string
  readonly enteringAnswers: string
  readonly noSuchPoll: (pollId: string) => string
  readonly noSuchPollHint: string
  readonly noPollHeader: string
  readonly pollHeaderHint: (exampleDate: string) => string
  readonly answersEntered: (count: number, title: string) => string
  readonly answersHeader: ReadonlyArray<string>
  readonly decideWith: (pollId: string) => string
  readonly enteringAnswer: string
  readonly answerEntered: (name: string, answer: "yes" | "if-need-be" | "no", when: string) => string
  // vote
  readonly openingVote: string
  readonly voteTitle: (gathering: string | undefined) => string
  /** The title `meeting plan` gives a gathering without `--title`. */
  readonly gatheringTitle: (quarter: string) => string
  /** The name `groups form` gives a round of learning groups. */
  readonly roundName: (round: number) => string
  readonly voteOpened: (title: string, until: string, themes: number) => string
  readonly enterBallotsWith: (roundId: string) => string
  readonly withdrawingBallot: string
  readonly ballotWithdrawn: (name: string) => string
  readonly programmeWithoutGathering: string
  readonly programmeOf: (gathering: string, themes: ReadonlyArray<string>) => string
  readonly inviteesUpdated: (count: number) => string
  // outbox
  readonly sentSoFar: (count: number) => string
  readonly sent: (delivered: number, from: string, retried: number, failed: number) => string
  readonly failedHeader: string
  readonly messageOrDead: string
  readonly noSuchMessage: (id: string) => string
  readonly notFailed: (id: string, status: "pending" | "claimed" | "delivered" | "dead" | "superseded") => string
  readonly retryHint: string
  readonly requeued: (count: number) => string
  readonly noTransport: string
  readonly notSmtpAddress: (typed: string) => string
  readonly notSmtpScheme: (scheme: string) => string
  readonly placeholderOrganizer: (email: string) => string
  /** The report's "chance to be there" paragraph: the poll decision's year figures. */
  readonly yearAttendance: (fairness: Scheduling.Poll.YearFairness, naming?: CoreTexts.Naming) => string
  // Errors of the arguments, retold from @effect/cli's English (decision 0141).
  /** Items as a list that ends in "or". */
  readonly or: (items: ReadonlyArray<string>) => string
  readonly seeHelp: string
  readonly chooseOne: (cases: ReadonlyArray<string>, typed: string | undefined) => string
  /** A value that is not of the option's type (`integer`, `float`, `boolean`, `date`, or another). */
  readonly expectedType: (type: string, value: string) => string
  readonly optionMissing: (option: string) => string
  readonly optionTwice: (option: string) => string
  readonly argumentMissing: (argument: string) => string
  readonly unknownArgument: (argument: string) => string
  /** `where` needs a command; `optionFirst` is an option typed before any command. */
  readonly needsCommand: (where: string, commands: ReadonlyArray<string>, optionFirst: string | undefined) => string
  readonly fileMissing: (file: string) => string
  readonly fileExists: (file: string) => string
  readonly unknownCommand: (typed: string, suggestion: string) => string
  readonly error: (message: string) => string
  readonly internalError: (details: string) => string
}

/**
 * The texts in a language.
 *
 * @since 0.1.0
 */
export const of = (language: Domain.Language): Texts => (language === "en" ? en : nl)

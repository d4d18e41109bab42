/**
 * The command line's texts in English (see `Texts.ts` for what each says).
 *
 * @internal
 */
import * as Numbers from "../../report/Numbers.js"
import type { Texts } from "../Texts.js"
import * as Naming from "./Naming.js"
import { SAVED_SOURCES } from "./Saved.js"

export const en: Texts = {
  unreadable: (cause) => `the file cannot be read (${cause})`,
  settingUp: "Setting up the community",
  communityReady: (name, id, where) => `Community "${name}" (${id}) is ready in ${where}.`,
  teamRegistered: (ids) => `Programme team: ${ids}.`,
  nextImport: "Next: grenzeloos members import members.csv",
  registering: (count) => `Registering ${count} members`,
  nothingImported: "Nothing was imported. Fix the file, or import the good rows with --skip-invalid.",
  skipped: (row, column, message) =>
    `skipped: ${row === undefined ? "" : `row ${row}, `}${column === undefined ? "" : `column "${column}": `}${message}`,
  imported: (file, read, headerRow, created, updated, unchanged, skippedRows) =>
    `${file}: ${read} members read (header in row ${headerRow}); ${created} new, ${updated} updated, ${unchanged} unchanged${
      skippedRows.length > 0 ? `; ${skippedRows.length} rows skipped (${skippedRows.join(", ")})` : ""
    }.`,
  fetchingMembers: "Fetching members",
  noMembers: "No members yet. Import them with: grenzeloos members import members.csv",
  membersHeader: ["Id", "Name", "Organisation", "Programme", "Status"],
  memberCount: (count) => `${count} members`,
  registeringFacilitator: "Registering the facilitator",
  facilitatorRegistered: (name, ids) => `Facilitator ${name} registered (${ids}).`,
  fromAfterTo: (from, to) => `the first day (${from}) is after the last (--to ${to}); swap them`,
  planningIntakes: "Planning intakes",
  intakesPlanned: (planned, slots) => `${planned} intakes planned (${slots} possible slots); invitations are queued.`,
  intakesHeader: ["Intake", "Member", "Facilitator", "When"],
  unplaced: (count) => `Not placed (${count}):`,
  recordingIntake: "Recording the intake",
  intakeHeld: (intakeId, member) => `Intake ${intakeId} held: ${member} is now an active member.`,
  intakeCancelled: (intakeId, member) => `Intake ${intakeId} was cancelled: ${member} stays invited.`,
  formingGroups: "Forming learning groups",
  groupsFormed: (round, groups, roundId, published) =>
    `${round}: ${groups} learning groups (round ${roundId}, ${published ? "published" : "not published yet"}).`,
  facilitatedBy: (facilitator) => ` — facilitated by ${facilitator}`,
  unmet: (text) => `  not met: ${text}`,
  addingTheme: "Adding the theme",
  themeAdded: (title, id, minutes) => `Theme "${title}" (${id}, ${minutes} min) is on the backlog.`,
  importingBallots: "Importing ballots",
  noBallotHeader: "no header row with a member id, e-mail or name column and the themes' titles found",
  ballotHeaderHint: "Put a header row in the first rows: Name (or Member id, E-mail) and each theme's title.",
  nothingVoted: "Nothing was entered. Fix the file, or take the good rows with --skip-invalid.",
  ballotsImported: (count, roundId) =>
    `${count} ballots entered in voting round ${roundId}. Choose the programme with: grenzeloos vote close --vote ${roundId} --gathering <gathering> --method equal-shares --minutes 180`,
  prioritising: "Choosing the programme",
  votesHeader: ["Place", "Theme", "Minutes", "Votes", "Programme"],
  yes: "yes",
  no: "no",
  fairness: (percent, voters) =>
    `Fairness: ${percent}% of the ${voters} voters see at least one of their themes on the programme.`,
  proposingDates: "Proposing dates",
  daysExcluded: (count) => `${count} days were left out (holidays, school holidays, too soon after the last meeting).`,
  deciding: "Deciding the date",
  noPoll: "no poll given",
  noPollHint: "give the poll that meeting candidates named: grenzeloos meeting decide --poll <id>",
  inviting: "Queueing the invitations",
  invited: (invited, messages, file) =>
    `${messages} invitations are queued for ${invited} members; send them with grenzeloos outbox send. Calendar item in ${file}.`,
  reporting: "Writing the report",
  reportWithoutGroups: "without learning groups: give --groups groups.json (groups form --json) or --round <id>",
  reportWithoutAgenda: "without programme: give --agenda programme.json (agenda prioritise --json)",
  reportWithoutDate: "without date: give --poll <id> (from meeting candidates)",
  reportWritten: (file) => `Report written to ${file}.`,
  reportSavedFile: (option) =>
    `${option} expects the output of ${SAVED_SOURCES[option]}; make the file again with it or leave ${option} out`,
  collecting: "Collecting the data",
  exported: (memberId, file) => `Everything about ${memberId} is in ${file}.`,
  forgetting: "Forgetting the member",
  forgotten: (memberId, intakes, cases, messages) =>
    `${memberId} is forgotten: name, e-mail address and interests replaced, ${intakes} intakes, ${cases} cases and ${messages} messages cleaned. Group history and counts stay consistent.`,
  notConfirmed: (what) => `${what} cannot be undone: confirm with --yes`,
  unwritable: (option, path, reason) =>
    `${option}: ${path} cannot be written (${reason}); choose another folder or name`,
  writeFailure: (kind) =>
    ({
      NotFound: "the folder does not exist",
      PermissionDenied: "no permission to write there",
      AlreadyExists: "something with that name exists",
      BadResource: "that is not a folder",
      Busy: "the file is in use"
    })[kind],
  or: (items) =>
    items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`,
  seeHelp: "see --help for what is possible",
  chooseOne: (cases, typed) => `choose ${en.or(cases)}${typed === undefined ? "" : `, not "${typed}"`}`,
  expectedType: (type, value) =>
    `expected ${
      (
        {
          integer: "a whole number, e.g. 14",
          float: "a number, e.g. 1.5",
          boolean: "true or false",
          date: "a date, e.g. 2027-06-03"
        } as Readonly<Record<string, string>>
      )[type] ?? type
    }, not "${value}"`,
  optionMissing: (option) => `${option} is missing; this command needs it (${en.seeHelp})`,
  optionTwice: (option) => `${option} is given more than once; give it once`,
  argumentMissing: (argument) => `the argument ${argument} is missing (${en.seeHelp})`,
  unknownArgument: (argument) =>
    `unknown argument "${argument}"; is an option misspelt, or a value with spaces not in quotes? (${en.seeHelp})`,
  needsCommand: (where, commands, optionFirst) =>
    `${where} needs a command: ${en.or(commands)}${optionFirst === undefined ? "" : `; options such as ${optionFirst} go after the command (grenzeloos init ${optionFirst} …)`} (${en.seeHelp})`,
  fileMissing: (file) => `the file ${file} does not exist; check the path`,
  fileExists: (file) => `${file} exists already; choose another name`,
  unknownCommand: (typed, suggestion) => `unknown command "${typed}"; did you mean: grenzeloos ${suggestion}?`,
  unreadableOrUnwritable: (path, reason) =>
    `${path === undefined ? "" : `${path}: `}cannot be read or written (${reason}); check the path`,
  error: (message) => `error: ${message}`,
  internalError: (details) => `internal error (please report it): ${details}`,
  memberStatus: (status) =>
    ({
      invited: "invited (intake to plan)",
      "intake-planned": "intake planned",
      active: "active",
      paused: "paused",
      left: "left"
    })[status] ?? status,
  themeStatus: (status) =>
    ({
      backlog: "on the backlog",
      scheduled: "on a programme",
      discussed: "discussed",
      archived: "withdrawn"
    })[status],
  gatheringStatus: (status) =>
    ({
      planned: "planned, no date yet",
      "dates-proposed": "poll open",
      "date-decided": "date decided",
      invited: "invited",
      held: "held",
      closed: "closed",
      cancelled: "cancelled"
    })[status] ?? status,
  role: (role) => ({ guest: "guest", "programme-team": "programme team" })[role],
  messageStatus: (status) =>
    ({
      pending: "waiting to be sent",
      claimed: "being sent",
      delivered: "sent",
      dead: "failed",
      superseded: "superseded by a later message"
    })[status],
  answer: (answer) => ({ yes: "yes", "if-need-be": "if need be", no: "no" })[answer],
  remark: (row, message) => `${row === undefined ? "" : `row ${row}: `}${message}`,
  problemCount: (count) => `${count} ${count === 1 ? "problem" : "problems"}`,
  notOnTeam:
    "is not on this community's programme team; give your own id, as init --as or facilitators add --role programme-team registered it",
  noCommunity: (db, community) =>
    `no such community in ${db}; set it up with grenzeloos init --name "…" --community ${community}, or give the right --community`,
  notOnTeamChoose: (choices) => `is not on the programme team; choose one of: ${choices}`,
  fetchingFacilitators: "Fetching facilitators",
  noFacilitators: 'No facilitators yet. Add one: grenzeloos facilitators add --name "…" --email …',
  facilitatorsHeader: ["Name", "Role", "Groups", "Id"],
  atMostGroups: (count) => `at most ${count}`,
  facilitatorCount: (count) => `${count} ${count === 1 ? "facilitator" : "facilitators"}`,
  facilitatorsShort: (detail) =>
    `${detail}. Add a facilitator with grenzeloos facilitators add --name "…" --email … --max-groups 2, or form larger groups with --size, e.g. --size 7-9.`,
  planningSessions: "Planning the sessions",
  sessionsPlanned: (round, perGroup, groups, total, messages) =>
    `${round}: ${perGroup} sessions per group planned for ${groups} learning groups (${total} in all); ${messages} invitations are queued (send with grenzeloos outbox send).`,
  fetchingThemes: "Fetching themes",
  noThemes: 'No themes yet. Add one: grenzeloos themes add --title "…"',
  themesHeader: ["Theme", "Minutes", "Status", "Id"],
  themeCount: (count) => `${count} themes`,
  editingTheme: "Editing the theme",
  themeEdited: (title, minutes) => `Theme "${title}" (${minutes} min) updated.`,
  withdrawingTheme: "Withdrawing the theme",
  themeWithdrawn: (title) => `Theme "${title}" is withdrawn: it is no longer on the backlog.`,
  planningGathering: "Planning the gathering",
  gatheringPlanned: (title, quarter, minutes, venue, status) =>
    `${title} (${quarter}, ${minutes} minutes${venue === undefined ? "" : `, ${venue}`}): ${status}.`,
  proposeWith: (gatheringId) => `Propose dates with: grenzeloos meeting candidates --gathering ${gatheringId}`,
  noGathering: "no gathering given",
  noGatheringHint: "give --gathering <id> (from meeting plan) or --quarter 2027-Q1",
  pollOpen: (title, pollId, dates) => `${title}: poll ${pollId} is open with ${dates} dates.`,
  askWith: (pollId) => `Ask the members with: grenzeloos poll request --poll ${pollId}`,
  answeredOf: (answered, total, unknown) => `${answered} of ${total} members answered; for ${unknown} we do not know.`,
  weighed: (heavier, maxWeight) =>
    `Members who missed the last gathering or could come to fewer of the past year's gatherings counted more, up to ${Numbers.of("en").number(maxWeight, 2)} times: ${heavier}.`,
  closeAndInvite: (gatheringId) =>
    `Choose the programme with grenzeloos vote close --vote <id> --gathering ${gatheringId}, and invite with: grenzeloos invite --gathering ${gatheringId}`,
  movingGathering: "Moving the gathering",
  gatheringMoved: (title, when, venue, updated, sequence) =>
    `${title} moved to ${when}${venue === undefined ? "" : `, ${venue}`}; ${updated} invitees get the update (sequence ${sequence}).`,
  cancellingGathering: "Cancelling the gathering",
  gatheringCancelled: (title, notified, withdrawn) =>
    `${title} is cancelled: ${notified} invitees get the cancellation; ${withdrawn} queued messages will not go out.`,
  askingMembers: "Asking the members",
  pollRequested: (asked, alreadyAnswered) =>
    `${asked} members get the poll by e-mail, in their own language${alreadyAnswered > 0 ? `; ${alreadyAnswered} have answered already` : ""}.`,
  pollRequestNext: (pollId) =>
    `Send with: grenzeloos outbox send. Enter the answers with: grenzeloos poll import answers.csv --poll ${pollId}`,
  enteringAnswers: "Entering the answers",
  noSuchPoll: (pollId) => `there is no poll ${pollId}`,
  noSuchPollHint: "give the id meeting candidates printed",
  noPollHeader: "no header row with a member id, e-mail or name column and the poll's dates found",
  pollHeaderHint: (exampleDate) =>
    `Put a header row in the first rows: Name (or Member id, E-mail) and each date, e.g. ${exampleDate}.`,
  answersEntered: (count, title) => `${count} answers entered in the poll "${title}".`,
  answersHeader: ["Date", "Yes", "If need be", "No"],
  decideWith: (pollId) => `Decide the date with: grenzeloos meeting decide --poll ${pollId}`,
  enteringAnswer: "Entering the answer",
  answerEntered: (name, answer, when) => `${name}: ${en.answer(answer)} for ${when}.`,
  openingVote: "Opening the vote",
  voteTitle: (gathering) => (gathering === undefined ? "Vote" : `Programme ${gathering}`),
  gatheringTitle: (quarter) => `Quarterly gathering ${quarter}`,
  roundName: (round) => `Learning groups ${round}`,
  voteOpened: (title, until, themes) =>
    `Vote "${title}" is open until ${until}, on ${themes} themes; every active member is asked to vote.`,
  enterBallotsWith: (roundId) => `Enter ballots with: grenzeloos vote import ballots.csv --vote ${roundId}`,
  withdrawingBallot: "Withdrawing the ballot",
  ballotWithdrawn: (name) => `${name}'s ballot is withdrawn.`,
  programmeWithoutGathering: "The programme belongs to no gathering: give --gathering <id> to put it on an invitation.",
  programmeOf: (gathering, themes) => `Programme of ${gathering}: ${themes.join(", ")}.`,
  inviteesUpdated: (count) => `${count} invitees get the update.`,
  sentSoFar: (count) => `· ${count} sent…`,
  sent: (delivered, from, retried, failed) =>
    `${delivered} messages sent from ${from}${retried > 0 ? `; ${retried} to retry later` : ""}${failed > 0 ? `; ${failed} failed (see grenzeloos outbox status)` : ""}.`,
  failedHeader: "Failed (retry with grenzeloos outbox retry <id> or --dead):",
  messageOrDead: "give a message id or --dead",
  noSuchMessage: (id) => `there is no message ${id} in the outbox`,
  notFailed: (id, status) =>
    `message ${id} has not failed (${en.messageStatus(status)}); only failed messages can be retried`,
  retryHint:
    "the ids of failed messages are listed by grenzeloos outbox status; or retry every failed one with grenzeloos outbox retry --dead",
  requeued: (count) => `${count} messages are queued again; send them with grenzeloos outbox send.`,
  noTransport:
    "where to? give --smtp smtp://mail.example.nl:587 (or GRENZELOOS_SMTP_URL) or --webhook https://… (with GRENZELOOS_WEBHOOK_SECRETS)",
  notSmtpAddress: (typed) => `"${typed}" is not an address such as smtp://mail.example.nl:587`,
  notSmtpScheme: (scheme) => `expected smtp:// or smtps://, not ${scheme}`,
  placeholderOrganizer: (email) =>
    `invitations would go out from ${email}, an address that receives no mail, so nothing was sent. Set a real organiser: grenzeloos init --name "…" --team-name "Your name" --team-email you@organisation.nl (with --as your id), or GRENZELOOS_ORGANIZER_EMAIL=you@organisation.nl`,
  yearAttendance: (f, naming) => {
    const numbers = Numbers.of("en")
    const n = Naming.named(naming)
    const heavier = f.members.filter((m) => m.weight > 1)
    return `With the chosen date every member can come to at least ${numbers.percent(f.minimumShare)} of the year's gatherings (mean ${numbers.percent(f.meanShare)}, spread ${numbers.number(100 * f.spread)} percentage points). ${f.minimumShare < 1 ? `Lowest: ${f.lowest.map(n).join(", ") || "—"}.` : ""}${f.unknown > 0 ? ` For ${numbers.number(f.unknown)} ${f.unknown === 1 ? "member" : "members"} we do not know (no answer): this gathering does not count for them.` : ""}${
      heavier.length > 0
        ? ` ${en.weighed(
            Naming.list(
              heavier.map((m) => m.memberId),
              naming
            ),
            Math.max(...heavier.map((m) => m.weight))
          )}`
        : ""
    }`
  }
}

/**
 * What the commands say, Dutch first and English second, in one place (`--lang`, or
 * `GRENZELOOS_LANG`). Help texts carry both languages side by side. The core's reasons and refusals
 * are rendered by the core's own locales (`Texts.of(language)` of `@grenzeloos/core`), in the same
 * language.
 *
 * Not part of the package's public API (decision 0114): the command line's own plumbing.
 *
 * @internal
 * @since 0.1.0
 */
import type { Domain } from "@grenzeloos/core"

// The command whose saved output each of report's file options reads.
const SAVED_SOURCES = {
  "--groups": "groups form --json",
  "--agenda": "agenda prioritise --json",
  "--simulation": "pnpm --silent bench fairness --json"
} as const

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
  readonly intakeHeld: (intakeId: string, memberId: string) => string
  readonly intakeCancelled: (intakeId: string, memberId: string) => string
  readonly formingGroups: string
  readonly groupsFormed: (round: string, groups: number, roundId: string, published: boolean) => string
  readonly facilitatedBy: (facilitatorId: string) => string
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
  readonly pollOpened: (title: string, gatheringId: string, pollId: string, slots: number) => string
  readonly daysExcluded: (count: number) => string
  readonly decideWith: (pollId: string) => string
  readonly deciding: string
  readonly noPoll: string
  readonly noPollHint: string
  readonly chosen: (when: string, yes: number, ifNeedBe: number) => string
  readonly inviteWith: (gatheringId: string) => string
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
  readonly error: (message: string) => string
  readonly internalError: (details: string) => string
}

const nl: Texts = {
  unreadable: (cause) => `het bestand is niet te lezen (${cause})`,
  settingUp: "Community inrichten",
  communityReady: (name, id, where) => `Community "${name}" (${id}) staat klaar in ${where}.`,
  teamRegistered: (ids) => `Programmateam: ${ids}.`,
  nextImport: "Volgende stap: grenzeloos members import leden.csv",
  registering: (count) => `${count} leden registreren`,
  nothingImported: "Er is niets geïmporteerd. Pas het bestand aan, of importeer de goede rijen met --skip-invalid.",
  skipped: (row, column, message) =>
    `overgeslagen: ${row === undefined ? "" : `rij ${row}, `}${column === undefined ? "" : `kolom "${column}": `}${message}`,
  imported: (file, read, headerRow, created, updated, unchanged, skippedRows) =>
    `${file}: ${read} leden gelezen (kopregel in rij ${headerRow}); ${created} nieuw, ${updated} bijgewerkt, ${unchanged} ongewijzigd${
      skippedRows.length > 0 ? `; ${skippedRows.length} rijen overgeslagen (${skippedRows.join(", ")})` : ""
    }.`,
  fetchingMembers: "Leden ophalen",
  noMembers: "Nog geen leden. Importeer ze met: grenzeloos members import leden.csv",
  membersHeader: ["Id", "Naam", "Organisatie", "Programma", "Status"],
  memberCount: (count) => `${count} leden`,
  registeringFacilitator: "Begeleider registreren",
  facilitatorRegistered: (name, ids) => `Begeleider ${name} geregistreerd (${ids}).`,
  fromAfterTo: (from, to) => `de eerste dag (${from}) ligt na de laatste (--to ${to}); draai ze om`,
  planningIntakes: "Intakes plannen",
  intakesPlanned: (planned, slots) =>
    `${planned} intakegesprekken gepland (${slots} mogelijke momenten); uitnodigingen staan klaar.`,
  intakesHeader: ["Intake", "Lid", "Begeleider", "Moment"],
  unplaced: (count) => `Niet ingepland (${count}):`,
  recordingIntake: "Intake vastleggen",
  intakeHeld: (intakeId, memberId) => `Intake ${intakeId} gehouden: ${memberId} is nu actief lid.`,
  intakeCancelled: (intakeId, memberId) => `Intake ${intakeId} ging niet door: ${memberId} blijft uitgenodigd.`,
  formingGroups: "Leergroepen vormen",
  groupsFormed: (round, groups, roundId, published) =>
    `${round}: ${groups} leergroepen (ronde ${roundId}, ${published ? "gepubliceerd" : "nog niet gepubliceerd"}).`,
  facilitatedBy: (facilitatorId) => ` — begeleiding ${facilitatorId}`,
  unmet: (text) => `  niet gehaald: ${text}`,
  addingTheme: "Thema toevoegen",
  themeAdded: (title, id, minutes) => `Thema "${title}" (${id}, ${minutes} min) staat op de voorraadagenda.`,
  importingBallots: "Stemmen importeren",
  noBallotHeader: "geen kopregel met een kolom lidnummer, e-mail of naam en de titels van de thema's gevonden",
  ballotHeaderHint: "Zet in de eerste rijen een kopregel: Naam (of Lidnummer, E-mail) en per thema de titel.",
  nothingVoted: "Er is niets ingevoerd. Pas het bestand aan, of neem de goede rijen met --skip-invalid.",
  ballotsImported: (count, roundId) =>
    `${count} stemmen ingevoerd in stemronde ${roundId}. Kies het programma met: grenzeloos agenda prioritise --vote ${roundId}`,
  prioritising: "Programma kiezen",
  votesHeader: ["Plaats", "Thema", "Minuten", "Stemmen", "Programma"],
  yes: "ja",
  no: "nee",
  fairness: (percent, voters) =>
    `Eerlijkheid: ${percent}\u00a0% van de ${voters} stemmers ziet minstens één van hun thema's op het programma.`,
  proposingDates: "Datums voorstellen",
  pollOpened: (title, gatheringId, pollId, slots) =>
    `${title} (${gatheringId}): datumprikker ${pollId} met ${slots} datums.`,
  daysExcluded: (count) => `${count} dagen vielen af (feestdagen, vakanties, te kort na de vorige bijeenkomst).`,
  decideWith: (pollId) => `Beslis met: grenzeloos meeting decide --poll ${pollId}`,
  deciding: "Datum kiezen",
  noPoll: "geen datumprikker gegeven",
  noPollHint: "geef de datumprikker die meeting candidates noemde: grenzeloos meeting decide --poll <id>",
  chosen: (when, yes, ifNeedBe) => `Gekozen: ${when} — ${yes} ja, ${ifNeedBe} als het moet.`,
  inviteWith: (gatheringId) => `Stuur de uitnodigingen met: grenzeloos invite --gathering ${gatheringId}`,
  inviting: "Uitnodigingen klaarzetten",
  invited: (invited, messages, file) =>
    `${messages} uitnodigingen staan klaar voor ${invited} leden; verstuur ze met grenzeloos outbox send. Agenda-item in ${file}.`,
  reporting: "Verslag maken",
  reportWithoutGroups: "zonder leergroepen: geef --groups groepen.json (groups form --json) of --round <id>",
  reportWithoutAgenda: "zonder programma: geef --agenda programma.json (agenda prioritise --json)",
  reportWithoutDate: "zonder datum: geef --poll <id> (uit meeting candidates)",
  reportWritten: (file) => `Verslag geschreven naar ${file}.`,
  reportSavedFile: (option) =>
    `${option} verwacht de uitvoer van ${SAVED_SOURCES[option]}; maak het bestand daarmee opnieuw of laat ${option} weg`,
  collecting: "Gegevens verzamelen",
  exported: (memberId, file) => `Alle gegevens van ${memberId} staan in ${file}.`,
  forgetting: "Lid vergeten",
  forgotten: (memberId, intakes, cases, messages) =>
    `${memberId} is vergeten: naam, e-mailadres en interesses vervangen, ${intakes} intakes, ${cases} casussen en ${messages} berichten opgeschoond. Groepsgeschiedenis en tellingen blijven kloppen.`,
  notConfirmed: (what) => `${what} kan niet ongedaan worden gemaakt: bevestig met --yes`,
  unwritable: (option, path, reason) =>
    `${option}: ${path} is niet te schrijven (${reason}); kies een andere map of naam`,
  error: (message) => `fout: ${message}`,
  internalError: (details) => `interne fout (meld dit alstublieft): ${details}`
}

const en: Texts = {
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
  intakeHeld: (intakeId, memberId) => `Intake ${intakeId} held: ${memberId} is now an active member.`,
  intakeCancelled: (intakeId, memberId) => `Intake ${intakeId} was cancelled: ${memberId} stays invited.`,
  formingGroups: "Forming learning groups",
  groupsFormed: (round, groups, roundId, published) =>
    `${round}: ${groups} learning groups (round ${roundId}, ${published ? "published" : "not published yet"}).`,
  facilitatedBy: (facilitatorId) => ` — facilitated by ${facilitatorId}`,
  unmet: (text) => `  not met: ${text}`,
  addingTheme: "Adding the theme",
  themeAdded: (title, id, minutes) => `Theme "${title}" (${id}, ${minutes} min) is on the backlog.`,
  importingBallots: "Importing ballots",
  noBallotHeader: "no header row with a member id, e-mail or name column and the themes' titles found",
  ballotHeaderHint: "Put a header row in the first rows: Name (or Member id, E-mail) and each theme's title.",
  nothingVoted: "Nothing was entered. Fix the file, or take the good rows with --skip-invalid.",
  ballotsImported: (count, roundId) =>
    `${count} ballots entered in voting round ${roundId}. Choose the programme with: grenzeloos agenda prioritise --vote ${roundId}`,
  prioritising: "Choosing the programme",
  votesHeader: ["Place", "Theme", "Minutes", "Votes", "Programme"],
  yes: "yes",
  no: "no",
  fairness: (percent, voters) =>
    `Fairness: ${percent}% of the ${voters} voters see at least one of their themes on the programme.`,
  proposingDates: "Proposing dates",
  pollOpened: (title, gatheringId, pollId, slots) => `${title} (${gatheringId}): poll ${pollId} with ${slots} dates.`,
  daysExcluded: (count) => `${count} days were left out (holidays, school holidays, too soon after the last meeting).`,
  decideWith: (pollId) => `Decide with: grenzeloos meeting decide --poll ${pollId}`,
  deciding: "Deciding the date",
  noPoll: "no poll given",
  noPollHint: "give the poll that meeting candidates named: grenzeloos meeting decide --poll <id>",
  chosen: (when, yes, ifNeedBe) => `Chosen: ${when} — ${yes} yes, ${ifNeedBe} if need be.`,
  inviteWith: (gatheringId) => `Send the invitations with: grenzeloos invite --gathering ${gatheringId}`,
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
  error: (message) => `error: ${message}`,
  internalError: (details) => `internal error (please report it): ${details}`
}

/**
 * The texts in a language.
 *
 * @since 0.1.0
 */
export const of = (language: Domain.Language): Texts => (language === "en" ? en : nl)

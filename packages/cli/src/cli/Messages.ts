/**
 * Errors of the core as the person at the command line reads them: in the `--lang` language,
 * naming the option they typed (`--school-regions`) instead of the use case's internal path
 * (`calendar.schoolRegions[0]`), and each problem once.
 *
 * @internal
 */
import { Texts as CoreTexts, Domain, Services } from "@grenzeloos/core"
import { NotConfirmed, plainReason, Unwritable } from "./Errors.js"
import * as Texts from "./Texts.js"

// The fields of the use cases' inputs, by the option that fills them.
const OPTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^slots\[\d+\]\.facilitatorId$/, "--facilitator"],
  [/^slots\[\d+\]\.startsAt$/, "--from/--to/--times"],
  [/^slots\[\d+\]\.durationMinutes$/, "--minutes"],
  [/^calendar\.schoolRegions(\[\d+\])?$/, "--school-regions"],
  [/^weekdays(\[\d+\])?$/, "--weekdays"],
  [/^startTimes(\[\d+\])?$/, "--times"],
  [/^startTime$/, "--start"],
  [/^gatheringId$/, "--gathering"],
  [/^pollId( \(its gathering\))?$/, "--poll"],
  [/^votingRoundId$/, "--vote"],
  [/^roundId$/, "--round"],
  [/^memberId$/, "--member"],
  [/^intakeId$/, "<intake-id>"],
  [/^themeId$/, "<thema-id>"],
  [/^answers\[\d+\]\.slotId$/, "--slot"],
  [/^responses\[\d+\]\.answers\[\d+\]\.slotId$/, "--slot"],
  [/^responses\[\d+\]\.memberId$/, "--member"],
  [/^durationMinutes$/, "--minutes"],
  [/^budgetMinutes$/, "--minutes"],
  [/^quarter$/, "--quarter"],
  [/^title$/, "--title"],
  [/^name$/, "--name"],
  [/^date$/, "--date"],
  [/^start$/, "--start"],
  [/^location$/, "--location"],
  [/^venue\.name$/, "--location"],
  [/^venue\.capacity$|^capacity$/, "--capacity"],
  [/^reason$/, "--reason"],
  [/^note$/, "--note"],
  [/^url$/, "--url"],
  [/^count$/, "--count"],
  [/^sessions$/, "--sessions"],
  [/^from$/, "--from"],
  [/^to$/, "--to"],
  [/^timeZone$/, "--time-zone"],
  [/^defaultLanguage$/, "--language"],
  [/^facilitators\[\d+\]\.email$/, "--email / --team-email"],
  [/^facilitators\[\d+\]\.name$/, "--name / --team-name"],
  [/^size(\.min|\.max)?$/, "--size"],
  [/^rules\.maxThemes$/, "--max-themes"],
  [/^closesAt$/, "--days"]
]

/** The option a path of a use case's input comes from, or the path itself. */
export const optionOf = (path: string): string => OPTIONS.find(([pattern]) => pattern.test(path))?.[1] ?? path

// What the domain's schemas expect, in Dutch (their messages are English: the core's language).
const EXPECTED: ReadonlyArray<readonly [RegExp, string]> = [
  [/\ban organisation name\b/g, "een organisatienaam"],
  [/\ba name\b/g, "een naam"],
  [/\ba title\b/g, "een titel"],
  [/\ba location such as\b/g, "een locatie zoals"],
  [/\ban interest\b/g, "een interesse"],
  [/\ba text\b/g, "een tekst"],
  [/\ban empty text\b/g, "een lege tekst"],
  [/\ba date written YYYY-MM-DD\b/g, "een datum als JJJJ-MM-DD (of 1-2-2027)"],
  [
    /\ba quarter written YYYY-Qn with n from 1 to 4 \(e\.g\. "2027-Q1"\)/g,
    'een kwartaal als JJJJ-Qn met n van 1 tot 4 (bijv. "2027-Q1")'
  ],
  [/\ba duration in whole minutes from 1 to 1440\b/g, "een duur in hele minuten van 1 tot 1440"],
  [/\ba time zone such as\b/g, "een tijdzone zoals"],
  [/\ban e-mail address such as (\S+), but\b/g, "een e-mailadres zoals $1, maar"],
  [/ without leading or trailing spaces\b/g, " zonder spaties aan het begin of eind"],
  [/ of at most (\d+) characters\b/g, " van hoogstens $1 tekens"],
  [/ on one line without control characters\b/g, " op één regel zonder stuurtekens"],
  [/ without control characters\b/g, " zonder stuurtekens"]
]

/** A message of effect's Schema or the domain's schemas in the person's language (they are English). */
export const inLanguage = (message: string, language: "nl" | "en"): string =>
  language === "en" ? message : dutch(message)

/** Messages of effect's Schema and the domain's schemas in Dutch, as far as a person typing an option or filling a file meets them. */
export const dutch = (message: string): string =>
  EXPECTED.reduce((out, [pattern, nl]) => out.replace(pattern, nl), message)
    .replace(/^is required but missing$/, "ontbreekt")
    .replace(/^expected (.+), got (\d+)$/s, "verwacht $1, niet $2")
    .replace(/^expected one of (.+), got (.+)$/is, "verwacht een van $1, niet $2")
    .replace(/^Expected (.+), actual (.+)$/s, "verwacht $1, niet $2")
    .replace(/^expected (.+), got (.+)$/s, "verwacht $1, niet $2")
    .replace(/^is missing$/, "ontbreekt")
    .replace(/ \| /g, " of ")

// The use cases a hint names, as the commands that run them.
const COMMANDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\beditTheme\b/g, "grenzeloos themes edit"],
  [/\bwithdrawTheme\b/g, "grenzeloos themes withdraw"],
  [/\bwithdrawBallot\b/g, "grenzeloos vote withdraw"],
  [/\bchangeProgramme\b/g, "grenzeloos vote close --update-invitees"],
  [/\bsetProgramme\b/g, "grenzeloos vote close --gathering"],
  [/\bsendReminders\b/g, "grenzeloos invite --reminders"],
  [/\brequestPollAnswers\b/g, "grenzeloos poll request"],
  [/\brecordPollAnswers\b/g, "grenzeloos poll import"],
  [/\brecordBallots\b/g, "grenzeloos vote import"],
  [/\bmoveGathering\b/g, "grenzeloos meeting move"],
  [/\bcancelGathering\b/g, "grenzeloos meeting cancel"],
  [/\bsendInvitations\b/g, "grenzeloos invite"],
  [/\bdecideDate\b/g, "grenzeloos meeting decide"],
  [/\bproposeDates\b/g, "grenzeloos meeting candidates"],
  [/\bplanGathering\b/g, "grenzeloos meeting plan"],
  [/\bopenVoting\b/g, "grenzeloos vote open"],
  [/\bcloseVoting\b/g, "grenzeloos vote close"],
  [/\bplanIntakes\b/g, "grenzeloos intakes plan"],
  [/\brecordIntake\b/g, "grenzeloos intakes record"],
  [/\bwith force\b/g, "with --force"],
  [/\bmet force\b/g, "met --force"],
  [/\bupdateInvitees\b/g, "--update-invitees"]
]

const commandsIn = (text: string): string =>
  COMMANDS.reduce((out, [pattern, command]) => out.replace(pattern, command), text)

interface Problem {
  readonly path: string
  readonly message: string
}

const field = (error: unknown, key: string): unknown =>
  typeof error === "object" && error !== null ? (error as Record<string, unknown>)[key] : undefined

/**
 * The message of a failure for the person at the command line, or `undefined` when the error's
 * own message is already theirs (the command line's own errors).
 */
export const of = (error: unknown, language: "nl" | "en"): string | undefined => {
  const tag = field(error, "_tag")
  const problems = field(error, "problems")
  if (Array.isArray(problems) && problems.every((p) => typeof p?.path === "string" && typeof p?.message === "string")) {
    const lines = new Map<string, string>()
    for (const p of problems as ReadonlyArray<Problem>) {
      const option = optionOf(p.path)
      // A place is checked as a title (one line, at most 200 characters), but the person typed a location.
      const message =
        option === "--location"
          ? p.message.replace(/\ba title\b/g, 'a location such as "Beatrixgebouw, Utrecht"')
          : p.message
      const text = `${option === "" ? "" : `${option}: `}${inLanguage(message, language)}`
      lines.set(text, text)
    }
    return [...lines.values()].join("\n")
  }
  if (tag === "SystemError" || tag === "BadArgument") {
    const path = field(error, "pathOrDescriptor")
    const reason = String(field(error, "reason") ?? field(error, "description") ?? "")
    return Texts.of(language).unreadableOrUnwritable(path === undefined ? undefined : String(path), reason)
  }
  if (CoreTexts.isRefusal(error)) return CoreTexts.of(language).refusal(forThePerson(error))
  if (error instanceof NotConfirmed) return Texts.of(language).notConfirmed(error.what)
  if (error instanceof Unwritable)
    return Texts.of(language).unwritable(error.option, error.path, plainReason(error, language))
  return undefined
}

// A refusal with the option the person typed for the use case's path, and commands for use cases.
const forThePerson = (error: CoreTexts.Refusal): CoreTexts.Refusal => {
  switch (error._tag) {
    case "NotFound":
      return new Services.NotFound({ kind: error.kind, id: error.id, path: optionOf(error.path) })
    case "InvalidState": {
      const shown = (subject: string) => (PATH.test(subject) ? optionOf(subject) : subject)
      return new Services.InvalidState({
        subject: shown(error.subject),
        problem: error.problem,
        hint: commandsIn(error.hint),
        ...(error.nl === undefined
          ? {}
          : { nl: { subject: shown(error.nl.subject), problem: error.nl.problem, hint: commandsIn(error.nl.hint) } })
      })
    }
    case "GatheringStateError":
      return new Domain.GatheringLifecycle.GatheringStateError({
        gatheringId: error.gatheringId,
        title: error.title,
        state: error.state,
        step: commandsIn(error.step),
        needs: error.needs,
        // A step the command line has no command for (recording attendance) is not offered.
        possible: error.possible.map(commandsIn).filter((step) => step.startsWith("grenzeloos "))
      })
    case "NotAllowed":
    case "MemberCannotAct":
      return error
  }
}

// A subject that is a path of the input (`answers[0].slotId`), not a record's name.
const PATH = /^[A-Za-z]+(\[\d+\])?(\.[A-Za-z]+(\[\d+\])?)*$/

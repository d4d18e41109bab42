/**
 * Rendered sample messages for notifier tests: every kind of notification in Dutch and English,
 * and any number of gathering invitations for load and fault tests. Fixed data, so a failure
 * points at the same message every run.
 *
 * @since 0.1.0
 */
import { Domain, type ICalendar, Notifier } from "@grenzeloos/core"
import { DateTime, Either, Redacted } from "effect"

const STAMP = DateTime.unsafeMake("2027-01-10T09:00:00Z")
const COMMUNITY = Domain.CommunityId.make("rijk")
const ORGANIZER = { name: "Programmateam Grenzeloos", email: "team@grenzeloos.example" }

const addressee = (i: number, language: Domain.Language): Notifier.Addressee => ({
  memberId: Domain.MemberId.make(`m-${String(i).padStart(4, "0")}`),
  name: i % 2 === 0 ? `IJsbrand de Vries ${i}` : `Fatima El Amrani ${i}`,
  email: Redacted.make(Domain.Email.make(`lid${i}@example.nl`)),
  language
})

const gathering = (id: string, sequence: number): ICalendar.Invitation.Event => ({
  uid: `${id}@grenzeloos.example`,
  sequence,
  summary: "Kwartaalbijeenkomst voorjaar 2027",
  description: "Programma:\n13:00–14:00 Omgaan met sabotage\n14:00–14:45 Worstelen met de Woo",
  location: "Beatrixgebouw, Wijnhaven 24, Den Haag",
  start: DateTime.unsafeMakeZoned("2027-03-11T12:00:00Z", { timeZone: "Europe/Amsterdam" }),
  durationMinutes: 240,
  organizer: ORGANIZER,
  attendees: []
})

const intake = (id: string): ICalendar.Invitation.Event => ({
  uid: `${id}@grenzeloos.example`,
  sequence: 0,
  summary: "Kennismakingsgesprek",
  start: DateTime.unsafeMakeZoned("2027-02-03T09:30:00Z", { timeZone: "Europe/Amsterdam" }),
  durationMinutes: 60,
  organizer: ORGANIZER,
  attendees: []
})

/**
 * One notification of every kind for member `i`, in the given language.
 *
 * @example
 * ```ts
 * import { NotifierSamples } from "@grenzeloos/testkit"
 *
 * const all = NotifierSamples.notifications(1, "en") // seven notifications
 * ```
 * @since 0.1.0
 */
export const notifications = (i: number, language: Domain.Language): ReadonlyArray<Notifier.Notification> => {
  const recipient = addressee(i, language)
  return [
    { _tag: "IntakeInvitation", recipient, facilitatorName: "Anne Bakker", event: intake(`i-${i}`) },
    {
      _tag: "GroupPlacement",
      recipient,
      groupId: "lg-2027-3",
      groupName: "Leergroep 3",
      roundName: "ronde 2027",
      facilitatorName: "Anne Bakker",
      memberNames: ["Fatima El Amrani", "Pieter Jansen"]
    },
    {
      _tag: "VoteRequest",
      recipient,
      votingRoundId: "v-2027-1",
      title: "Voorjaar 2027",
      closesAt: DateTime.unsafeMakeZoned("2027-02-01T16:00:00Z", { timeZone: "Europe/Amsterdam" }),
      themeTitles: ["Omgaan met sabotage", "Het managen van ego's", "Worstelen met de Woo"],
      url: "https://grenzeloos.example/stem/v-2027-1"
    },
    { _tag: "GatheringInvitation", recipient, event: gathering("g-2027-1", 0) },
    { _tag: "Reminder", recipient, event: gathering("g-2027-1", 0), daysBefore: 7 },
    {
      _tag: "GatheringChanged",
      recipient,
      event: gathering("g-2027-1", 1),
      change: "We beginnen een half uur later."
    },
    { _tag: "GatheringCancelled", recipient, event: gathering("g-2027-1", 1), reason: "Te weinig aanmeldingen." }
  ]
}

const renderOrDie = (notification: Notifier.Notification, channel: Notifier.Channel): Notifier.RenderedMessage => {
  const rendered = Notifier.render(notification, { communityId: COMMUNITY, channel, stamp: STAMP })
  if (Either.isLeft(rendered)) throw new Error(rendered.left.message)
  return rendered.right
}

/**
 * Every kind of message, rendered for `channel`, in Dutch and in English.
 *
 * @example
 * ```ts
 * import { NotifierSamples } from "@grenzeloos/testkit"
 *
 * const messages = NotifierSamples.everyKind("email") // 14 messages
 * ```
 * @since 0.1.0
 */
export const everyKind = (channel: Notifier.Channel): ReadonlyArray<Notifier.RenderedMessage> =>
  [...notifications(1, "nl"), ...notifications(2, "en")].map((n) => renderOrDie(n, channel))

/**
 * `count` gathering invitations (one per member, alternating Dutch and English), rendered for
 * `channel`, each with its own idempotency key.
 *
 * @example
 * ```ts
 * import { NotifierSamples } from "@grenzeloos/testkit"
 *
 * const thousand = NotifierSamples.invitations(1000, "email")
 * ```
 * @since 0.1.0
 */
export const invitations = (count: number, channel: Notifier.Channel): ReadonlyArray<Notifier.RenderedMessage> =>
  Array.from({ length: count }, (_, i) =>
    renderOrDie(
      {
        _tag: "GatheringInvitation",
        recipient: addressee(i, i % 2 === 0 ? "nl" : "en"),
        event: gathering("g-2027-1", 0)
      },
      channel
    )
  )

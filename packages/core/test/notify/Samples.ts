// Fixed notifications of every kind for the notify and dispatch tests.
import { Domain, type ICalendar, Notifier } from "@grenzeloos/core"
import { DateTime, Either, Redacted } from "effect"

export const STAMP = DateTime.unsafeMake("2027-01-10T09:00:00Z")
export const COMMUNITY = Domain.CommunityId.make("rijk")

export const addressee = (i: number, language: Domain.Language, memberId = `m-${i}`): Notifier.Addressee => ({
  memberId: Domain.MemberId.make(memberId),
  name: `Lid ${i}`,
  email: Redacted.make(Domain.Email.make(`lid${i}@example.nl`)),
  language
})

export const gathering = (sequence = 0): ICalendar.Invitation.Event => ({
  uid: "g-2027-1@grenzeloos.example",
  sequence,
  summary: "Kwartaalbijeenkomst voorjaar 2027",
  location: "Beatrixgebouw, Den Haag",
  start: DateTime.unsafeMakeZoned("2027-03-11T12:00:00Z", { timeZone: "Europe/Amsterdam" }),
  durationMinutes: 240,
  organizer: { name: "Programmateam Grenzeloos", email: "team@grenzeloos.example" },
  attendees: [{ name: "Iemand Anders", email: "iemand.anders@example.nl" }]
})

export const everyKind = (recipient: Notifier.Addressee): ReadonlyArray<Notifier.Notification> => [
  {
    _tag: "IntakeInvitation",
    recipient,
    facilitatorName: "Anne Bakker",
    event: { ...gathering(), uid: "i-7@grenzeloos.example" }
  },
  {
    _tag: "GroupPlacement",
    recipient,
    groupId: "lg-3",
    groupName: "Leergroep 3",
    roundName: "ronde 2027",
    facilitatorName: "Anne Bakker",
    memberNames: ["Pieter <Jansen> & co"]
  },
  {
    _tag: "VoteRequest",
    recipient,
    votingRoundId: "v-1",
    title: "Voorjaar 2027",
    closesAt: DateTime.unsafeMakeZoned("2027-02-01T16:00:00Z", { timeZone: "Europe/Amsterdam" }),
    themeTitles: ["Worstelen met de Woo"]
  },
  { _tag: "GatheringInvitation", recipient, event: gathering() },
  { _tag: "Reminder", recipient, event: gathering(), daysBefore: 1 },
  { _tag: "GatheringChanged", recipient, event: gathering(1), change: "Een half uur later." },
  { _tag: "GatheringCancelled", recipient, event: gathering(1), reason: "Te weinig aanmeldingen." }
]

export const rendered = (n: Notifier.Notification, channel: Notifier.Channel = "email"): Notifier.RenderedMessage =>
  Either.getOrThrowWith(Notifier.render(n, { communityId: COMMUNITY, channel, stamp: STAMP }), (e) => e)

export const invitations = (
  count: number,
  channel: Notifier.Channel = "email"
): ReadonlyArray<Notifier.RenderedMessage> =>
  Array.from({ length: count }, (_, i) =>
    rendered(
      { _tag: "GatheringInvitation", recipient: addressee(i, i % 2 === 0 ? "nl" : "en"), event: gathering() },
      channel
    )
  )

// The grouping engine in English.
import type { HardRule } from "../Texts.js"
import type { GroupingLocale } from "./Locale.js"
import { joinList } from "./Locale.js"

const list = joinList(" and ")

const rule = (r: HardRule): string => {
  switch (r) {
    case "organisation":
      return "at most one per organisation"
    case "programme":
      return "at most one per programme"
    case "history":
      return "not together again"
    case "must-apart":
      return "must be apart"
    case "must-together":
      return "must be together"
  }
}

export const en: GroupingLocale = {
  sharedInterest: (others, interest) =>
    others === 0 || interest === undefined
      ? "no one shares one of your interests"
      : others === 1
        ? `with 1 person who shares '${interest}'`
        : `with ${others} people who share '${interest}'`,
  organisations: (count) => `${count} ${count === 1 ? "organisation" : "organisations"}`,
  cutShort: (limitMs) =>
    `Cut short at the time limit of ${Math.round(limitMs)} ms: this is the best grouping found so far, not the best there is. Allow more time (timeLimitMs) for a better grouping.`,
  metBefore: (names) =>
    names.length === 0
      ? "no one you were grouped with before"
      : `again with ${list(names)}, whom you were grouped with before`,
  unmet: (item) => {
    const who = list(item.names)
    switch (item._tag) {
      case "SameOrganisation":
        return `${who} both work for ${item.value}`
      case "SameProgramme":
        return `${who} are both in ${item.value}`
      case "MetBefore":
        return `${who} were already grouped together ${item.roundsAgo === 1 ? "last round" : `${item.roundsAgo} rounds ago`}`
    }
  },
  infeasible: (reason) => {
    switch (reason._tag) {
      case "Sizes":
        return `${reason.members} members cannot be split into groups of ${reason.min} to ${reason.max}`
      case "TooManyGroups":
        return `${reason.members} members are too few for ${reason.groups} groups`
      case "TooManyOfOne":
        return `${reason.count} members ${reason.rule === "organisation" ? "of" : "in programme"} ${reason.value} but only ${reason.groups} groups, with at most one per group`
      case "TogetherTooLarge":
        return `${reason.count} members must be in one group, but a group holds at most ${reason.max}`
      case "TogetherButApart":
        return `${list(reason.names)} must be together, but also apart (${rule(reason.rule)})`
      case "FixedApart":
        return `${list(reason.names)} are fixed to different groups but must be together`
      case "FixedTooMany":
        return `${reason.count} members are fixed to group ${reason.group + 1}, which holds at most ${reason.max}`
      case "FixedGroupMissing":
        return `${list(reason.names)} are fixed to group ${reason.group + 1}, but there are ${reason.groups} groups`
      case "FacilitatorCapacity":
        return `the facilitators can lead ${reason.capacity} groups together, there are ${reason.groups}; add facilitators, let facilitators lead more groups or make the groups larger so that fewer are needed`
      case "FacilitatorConflicts":
        return `no facilitator without a conflict is left for the group of ${list(reason.names)}`
      case "NotFound":
        return `no grouping found that meets ${rule(reason.rule)} for ${list(reason.names)}`
    }
  },
  lostOut: (wishes) =>
    `last time ${list(
      wishes.map((w) =>
        w._tag === "InterestNotShared"
          ? "no one in your group shared one of your interests"
          : `you were not placed with ${w.colleague}, whom you had asked for`
      )
    )}, so your wishes went first this time`,
  colleagues: (placed, missed) =>
    [
      ...(placed.length === 0
        ? []
        : [`${list(placed)}, whom you asked for, ${placed.length === 1 ? "is" : "are"} in your group`]),
      ...(missed.length === 0
        ? []
        : [
            `${list(missed)}, whom you asked for, ${missed.length === 1 ? "is" : "are"} in another group (we remember that for the next round)`
          ])
    ].join("; ")
}

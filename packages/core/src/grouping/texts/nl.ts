// The grouping engine in Dutch.
import type { HardRule } from "../Texts.js"
import type { GroupingLocale } from "./Locale.js"
import { joinList } from "./Locale.js"

const list = joinList(" en ")

const rule = (r: HardRule): string => {
  switch (r) {
    case "organisation":
      return "hoogstens één per organisatie"
    case "programme":
      return "hoogstens één per programma"
    case "history":
      return "niet opnieuw bij elkaar"
    case "must-apart":
      return "moeten uit elkaar"
    case "must-together":
      return "moeten samen"
  }
}

export const nl: GroupingLocale = {
  sharedInterest: (others, interest) =>
    others === 0 || interest === undefined
      ? "niemand deelt een van je interesses"
      : others === 1
        ? `met 1 persoon die '${interest}' deelt`
        : `met ${others} mensen die '${interest}' delen`,
  organisations: (count) => `${count} ${count === 1 ? "organisatie" : "organisaties"}`,
  cutShort: (limitMs) =>
    `Afgebroken bij de tijdslimiet van ${Math.round(limitMs)} ms: dit is de beste indeling tot dan toe, niet de beste die te vinden is. Geef meer tijd (timeLimitMs) voor een betere indeling.`,
  metBefore: (names) =>
    names.length === 0
      ? "niemand met wie je eerder in een groep zat"
      : `opnieuw met ${list(names)}, met wie je eerder in een groep zat`,
  unmet: (item) => {
    const who = list(item.names)
    switch (item._tag) {
      case "SameOrganisation":
        return `${who} werken allebei bij ${item.value}`
      case "SameProgramme":
        return `${who} zitten allebei in ${item.value}`
      case "MetBefore":
        return `${who} zaten ${item.roundsAgo === 1 ? "vorige ronde" : `${item.roundsAgo} rondes geleden`} al samen in een groep`
    }
  },
  infeasible: (reason) => {
    switch (reason._tag) {
      case "Sizes":
        return `${reason.members} leden passen niet in groepen van ${reason.min} tot ${reason.max}`
      case "TooManyGroups":
        return `${reason.members} leden zijn te weinig voor ${reason.groups} groepen`
      case "TooManyOfOne":
        return `${reason.count} leden ${reason.rule === "organisation" ? "van" : "uit programma"} ${reason.value} en maar ${reason.groups} groepen, terwijl er hoogstens één per groep mag`
      case "TogetherTooLarge":
        return `${reason.count} leden moeten samen in één groep, maar een groep telt hoogstens ${reason.max} leden`
      case "TogetherButApart":
        return `${list(reason.names)} moeten samen in een groep, maar ook uit elkaar (${rule(reason.rule)})`
      case "FixedApart":
        return `${list(reason.names)} staan vast in verschillende groepen, maar moeten samen`
      case "FixedTooMany":
        return `${reason.count} leden staan vast in groep ${reason.group + 1}, die hoogstens ${reason.max} leden telt`
      case "FixedGroupMissing":
        return `${list(reason.names)} staan vast in groep ${reason.group + 1}, maar er zijn ${reason.groups} groepen`
      case "FacilitatorCapacity":
        return `de begeleiders kunnen samen ${reason.capacity} groepen begeleiden, er zijn er ${reason.groups}; voeg begeleiders toe, laat begeleiders meer groepen begeleiden of maak de groepen groter, zodat er minder nodig zijn`
      case "FacilitatorConflicts":
        return `geen begeleider zonder belangenconflict voor de groep van ${list(reason.names)}`
      case "NotFound":
        return `geen indeling gevonden die ${rule(reason.rule)} nakomt voor ${list(reason.names)}`
    }
  },
  lostOut: (wishes) =>
    `vorige keer ${list(
      wishes.map((w) =>
        w._tag === "InterestNotShared"
          ? "deelde niemand in je groep een van je interesses"
          : `kwam je niet bij ${w.colleague}, om wie je had gevraagd`
      )
    )}, dus gingen je wensen deze keer voor`,
  colleagues: (placed, missed) =>
    [
      ...(placed.length === 0
        ? []
        : [`${list(placed)}, om wie je vroeg, ${placed.length === 1 ? "zit" : "zitten"} in je groep`]),
      ...(missed.length === 0
        ? []
        : [
            `${list(missed)}, om wie je vroeg, ${missed.length === 1 ? "zit" : "zitten"} in een andere groep (dat onthouden we voor de volgende ronde)`
          ])
    ].join("; ")
}

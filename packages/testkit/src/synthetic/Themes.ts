// The backlog agenda the community started with, in the members' own words, and the minutes each
// theme is expected to need at a gathering.

export interface ThemeSeed {
  readonly slug: string
  readonly title: string
  readonly description: string
  readonly durationMinutes: number
}

export const THEMES: ReadonlyArray<ThemeSeed> = [
  {
    slug: "positieve-dienstverlening",
    title: "Positieve dienstverlening",
    description: "Hoe maak je de dienstverlening van je programma merkbaar beter voor burgers en bedrijven?",
    durationMinutes: 60
  },
  {
    slug: "functioneel-conflict",
    title: "Het organiseren van functioneel conflict",
    description: "Tegenspraak en schuring benutten in plaats van wegorganiseren.",
    durationMinutes: 90
  },
  {
    slug: "sabotage",
    title: "Omgaan met sabotage",
    description: "Wat doe je als partijen je programma bewust of onbewust tegenwerken?",
    durationMinutes: 60
  },
  {
    slug: "focus",
    title: "Hoe organiseer je focus",
    description: "Kiezen in een opgave waarin alles urgent lijkt.",
    durationMinutes: 60
  },
  {
    slug: "eenzaamheid",
    title: "Omgaan met eenzaamheid",
    description: "De programmadirecteur staat vaak alleen tussen lijn, politiek en uitvoering.",
    durationMinutes: 45
  },
  {
    slug: "voorwaarden-opdrachtnemer",
    title: "Voorwaarden stellen als opdrachtnemer",
    description: "Welke voorwaarden stel je voordat je een opdracht aanneemt?",
    durationMinutes: 60
  },
  {
    slug: "toegevoegde-waarde",
    title: "Wat is toegevoegde waarde en wie moet die ervaren",
    description: "Voor wie maak je het verschil, en hoe weet je dat?",
    durationMinutes: 60
  },
  {
    slug: "lichtheid",
    title: "Het belang van lichtheid",
    description: "Humor en lichtheid in zware dossiers.",
    durationMinutes: 45
  },
  {
    slug: "zichtbaar-in-de-opgave",
    title: "Zien wat zichtbaar wil worden in de opgave",
    description: "Onderstromen in de opgave herkennen en benutten.",
    durationMinutes: 90
  },
  {
    slug: "egos",
    title: "Het managen van ego's (ook je eigen)",
    description: "Bestuurders, experts en jezelf: als ego's het programma sturen.",
    durationMinutes: 60
  },
  {
    slug: "mensen-behouden",
    title: "Het behouden van je mensen",
    description: "Tijdelijke programma's, vaste mensen: hoe houd je je team aan boord?",
    durationMinutes: 60
  },
  {
    slug: "woo",
    title: "Worstelen met de Woo",
    description: "Openbaarheid van bestuur in een programma vol gevoelige stukken.",
    durationMinutes: 60
  },
  {
    slug: "levenskunst",
    title: "Levenskunst: groeien als je in de modder zit",
    description: "Veerkracht als het tegenzit.",
    durationMinutes: 45
  },
  {
    slug: "institutionele-weerstand",
    title: "Omgaan met institutionele weerstand",
    description: "Als het systeem zelf de verandering afremt.",
    durationMinutes: 90
  }
]

// The ministries and agencies of the Dutch central government that members come from, with a
// weight (how many programme directors a synthetic community draws from each) and a mail domain.

export interface OrganisationSeed {
  readonly name: string
  readonly domain: string
  readonly weight: number
  /** Programmes this organisation typically leads; members draw theirs from here first. */
  readonly programmes: ReadonlyArray<string>
}

export const ORGANISATIONS: ReadonlyArray<OrganisationSeed> = [
  {
    name: "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
    domain: "minbzk.nl",
    weight: 8,
    programmes: ["Renovatie Binnenhof", "Woningbouwimpuls", "Werk aan Uitvoering"]
  },
  {
    name: "Ministerie van Landbouw, Natuur en Voedselkwaliteit",
    domain: "minlnv.nl",
    weight: 7,
    programmes: ["Aanpak stikstof", "Nationaal Programma Landelijk Gebied"]
  },
  {
    name: "Ministerie van Justitie en Veiligheid",
    domain: "minjenv.nl",
    weight: 8,
    programmes: ["Opvang ontheemden uit Oekraïne", "Versterking Strafrechtketen"]
  },
  {
    name: "Ministerie van Volksgezondheid, Welzijn en Sport",
    domain: "minvws.nl",
    weight: 7,
    programmes: ["Covid-19-vaccinatie", "Zorgakkoord", "Pandemische paraatheid"]
  },
  {
    name: "Ministerie van Financiën",
    domain: "minfin.nl",
    weight: 6,
    programmes: ["Herstel Toeslagen", "Vernieuwing Belastingstelsel"]
  },
  {
    name: "Ministerie van Economische Zaken en Klimaat",
    domain: "minezk.nl",
    weight: 6,
    programmes: ["Herstel en versterking Groningen", "Energietransitie industrie"]
  },
  {
    name: "Ministerie van Infrastructuur en Waterstaat",
    domain: "minienw.nl",
    weight: 6,
    programmes: ["Deltaprogramma", "Programma Circulaire Economie"]
  },
  {
    name: "Ministerie van Onderwijs, Cultuur en Wetenschap",
    domain: "minocw.nl",
    weight: 4,
    programmes: ["Masterplan basisvaardigheden", "Lerarentekort"]
  },
  {
    name: "Ministerie van Sociale Zaken en Werkgelegenheid",
    domain: "minszw.nl",
    weight: 4,
    programmes: ["Vereenvoudiging inkomensondersteuning", "Arbeidsmarkt in balans"]
  },
  {
    name: "Ministerie van Buitenlandse Zaken",
    domain: "minbuza.nl",
    weight: 3,
    programmes: ["Consulaire dienstverlening", "Wederopbouw Oekraïne"]
  },
  {
    name: "Ministerie van Defensie",
    domain: "mindef.nl",
    weight: 4,
    programmes: ["Defensievisie 2035", "Vastgoed Defensie"]
  },
  { name: "Ministerie van Algemene Zaken", domain: "minaz.nl", weight: 2, programmes: ["Open overheid"] },
  {
    name: "Rijkswaterstaat",
    domain: "rws.nl",
    weight: 5,
    programmes: ["Zuidasdok", "Vervanging en renovatie bruggen en sluizen", "Afsluitdijk"]
  },
  {
    name: "Belastingdienst",
    domain: "belastingdienst.nl",
    weight: 4,
    programmes: ["Modernisering IV-landschap", "Herstel Toeslagen"]
  },
  {
    name: "Rijksvastgoedbedrijf",
    domain: "rijksvastgoedbedrijf.nl",
    weight: 3,
    programmes: ["Renovatie Binnenhof", "Huisvesting Rijk"]
  },
  {
    name: "Immigratie- en Naturalisatiedienst",
    domain: "ind.nl",
    weight: 3,
    programmes: ["Wegwerken achterstanden asiel"]
  },
  {
    name: "Centraal Orgaan opvang asielzoekers",
    domain: "coa.nl",
    weight: 3,
    programmes: ["Opvang ontheemden uit Oekraïne", "Spreidingswet"]
  },
  {
    name: "Rijksinstituut voor Volksgezondheid en Milieu",
    domain: "rivm.nl",
    weight: 3,
    programmes: ["Covid-19-vaccinatie", "Stikstofmetingen"]
  },
  {
    name: "Uitvoeringsinstituut Werknemersverzekeringen",
    domain: "uwv.nl",
    weight: 3,
    programmes: ["Herstel WIA-achterstanden"]
  },
  { name: "Dienst Uitvoering Onderwijs", domain: "duo.nl", weight: 2, programmes: ["Herinvoering basisbeurs"] },
  {
    name: "Rijksdienst voor Ondernemend Nederland",
    domain: "rvo.nl",
    weight: 3,
    programmes: ["Aanpak piekbelasting", "Subsidies energietransitie"]
  },
  {
    name: "Nederlandse Voedsel- en Warenautoriteit",
    domain: "nvwa.nl",
    weight: 2,
    programmes: ["Toezicht dierenwelzijn"]
  },
  { name: "Logius", domain: "logius.nl", weight: 2, programmes: ["Digitale overheid", "Wet digitale overheid"] },
  { name: "Dienst Justitiële Inrichtingen", domain: "dji.nl", weight: 2, programmes: ["Capaciteit gevangeniswezen"] }
]

/**
 * The command line's texts in Dutch (see `Texts.ts` for what each says).
 *
 * @internal
 */
import * as Numbers from "../../report/Numbers.js"
import type { Texts } from "../Texts.js"
import * as Naming from "./Naming.js"
import { SAVED_SOURCES } from "./Saved.js"

export const nl: Texts = {
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
  intakeHeld: (intakeId, member) => `Intake ${intakeId} gehouden: ${member} is nu actief lid.`,
  intakeCancelled: (intakeId, member) => `Intake ${intakeId} ging niet door: ${member} blijft uitgenodigd.`,
  formingGroups: "Leergroepen vormen",
  groupsFormed: (round, groups, roundId, published) =>
    `${round}: ${groups} leergroepen (ronde ${roundId}, ${published ? "gepubliceerd" : "nog niet gepubliceerd"}).`,
  facilitatedBy: (facilitator) => ` — begeleiding ${facilitator}`,
  unmet: (text) => `  niet gehaald: ${text}`,
  addingTheme: "Thema toevoegen",
  themeAdded: (title, id, minutes) => `Thema "${title}" (${id}, ${minutes} min) staat op de voorraadagenda.`,
  importingBallots: "Stemmen importeren",
  noBallotHeader: "geen kopregel met een kolom lidnummer, e-mail of naam en de titels van de thema's gevonden",
  ballotHeaderHint: "Zet in de eerste rijen een kopregel: Naam (of Lidnummer, E-mail) en per thema de titel.",
  nothingVoted: "Er is niets ingevoerd. Pas het bestand aan, of neem de goede rijen met --skip-invalid.",
  ballotsImported: (count, roundId) =>
    `${count} stemmen ingevoerd in stemronde ${roundId}. Kies het programma met: grenzeloos vote close --vote ${roundId} --gathering <bijeenkomst> --method equal-shares --minutes 180`,
  prioritising: "Programma kiezen",
  votesHeader: ["Plaats", "Thema", "Minuten", "Stemmen", "Programma"],
  yes: "ja",
  no: "nee",
  fairness: (percent, voters) =>
    `Eerlijkheid: ${percent}\u00a0% van de ${voters} stemmers ziet minstens één van hun thema's op het programma.`,
  proposingDates: "Datums voorstellen",
  daysExcluded: (count) => `${count} dagen vielen af (feestdagen, vakanties, te kort na de vorige bijeenkomst).`,
  deciding: "Datum kiezen",
  noPoll: "geen datumprikker gegeven",
  noPollHint: "geef de datumprikker die meeting candidates noemde: grenzeloos meeting decide --poll <id>",
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
  writeFailure: (kind) =>
    ({
      NotFound: "de map bestaat niet",
      PermissionDenied: "geen toestemming om daar te schrijven",
      AlreadyExists: "er staat al iets met die naam",
      BadResource: "dat is geen map",
      Busy: "het bestand is in gebruik"
    })[kind],
  or: (items) =>
    items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} of ${items[items.length - 1]}`,
  seeHelp: "zie --help voor wat kan",
  chooseOne: (cases, typed) => `kies ${nl.or(cases)}${typed === undefined ? "" : `, niet "${typed}"`}`,
  expectedType: (type, value) =>
    `verwacht ${
      (
        {
          integer: "een geheel getal, bijv. 14",
          float: "een getal, bijv. 1.5",
          boolean: "ja of nee (true of false)",
          date: "een datum, bijv. 2027-06-03"
        } as Readonly<Record<string, string>>
      )[type] ?? type
    }, niet "${value}"`,
  optionMissing: (option) => `${option} ontbreekt; deze opdracht heeft die optie nodig (${nl.seeHelp})`,
  optionTwice: (option) => `${option} staat er meer dan eens; geef hem één keer`,
  argumentMissing: (argument) => `het argument ${argument} ontbreekt (${nl.seeHelp})`,
  unknownArgument: (argument) =>
    `onbekend argument "${argument}"; staat er een optie verkeerd gespeld, of een waarde met spaties zonder aanhalingstekens? (${nl.seeHelp})`,
  needsCommand: (where, commands, optionFirst) =>
    `na ${where} hoort een opdracht: ${nl.or(commands)}${optionFirst === undefined ? "" : `; opties zoals ${optionFirst} komen na de opdracht (grenzeloos init ${optionFirst} …)`} (${nl.seeHelp})`,
  fileMissing: (file) => `het bestand ${file} bestaat niet; controleer het pad`,
  fileExists: (file) => `${file} bestaat al; kies een andere naam`,
  unknownCommand: (typed, suggestion) => `onbekende opdracht "${typed}"; bedoelde u: grenzeloos ${suggestion}?`,
  unreadableOrUnwritable: (path, reason) =>
    `${path === undefined ? "" : `${path}: `}is niet te lezen of te schrijven (${reason}); controleer het pad`,
  error: (message) => `fout: ${message}`,
  internalError: (details) => `interne fout (meld dit alstublieft): ${details}`,
  memberStatus: (status) =>
    ({
      invited: "uitgenodigd (intake nog te plannen)",
      "intake-planned": "intake gepland",
      active: "actief",
      paused: "gepauzeerd",
      left: "vertrokken"
    })[status] ?? status,
  themeStatus: (status) =>
    ({
      backlog: "op de voorraadagenda",
      scheduled: "op het programma",
      discussed: "besproken",
      archived: "ingetrokken"
    })[status],
  gatheringStatus: (status) =>
    ({
      planned: "gepland, nog zonder datum",
      "dates-proposed": "datumprikker open",
      "date-decided": "datum gekozen",
      invited: "uitgenodigd",
      held: "gehouden",
      closed: "afgesloten",
      cancelled: "afgelast"
    })[status] ?? status,
  role: (role) => ({ guest: "gastbegeleider", "programme-team": "programmateam" })[role],
  messageStatus: (status) =>
    ({
      pending: "klaar om te versturen",
      claimed: "wordt nu verstuurd",
      delivered: "verstuurd",
      dead: "mislukt",
      superseded: "vervangen door een later bericht"
    })[status],
  answer: (answer) => ({ yes: "ja", "if-need-be": "als het moet", no: "nee" })[answer],
  remark: (row, message) => `${row === undefined ? "" : `rij ${row}: `}${message}`,
  problemCount: (count) => `${count} ${count === 1 ? "probleem" : "problemen"}`,
  notOnTeam:
    "is niet iemand van het programmateam van deze community; geef uw eigen id, zoals init --as of facilitators add --role programme-team het registreerde",
  noCommunity: (db, community) =>
    `deze community bestaat niet in ${db}; richt haar in met grenzeloos init --name "…" --community ${community}, of kies de goede --community`,
  notOnTeamChoose: (choices) => `is niet iemand van het programmateam; kies een van: ${choices}`,
  fetchingFacilitators: "Begeleiders ophalen",
  noFacilitators: 'Nog geen begeleiders. Voeg er een toe: grenzeloos facilitators add --name "…" --email …',
  facilitatorsHeader: ["Naam", "Rol", "Leergroepen", "Id"],
  atMostGroups: (count) => `hoogstens ${count}`,
  facilitatorCount: (count) => `${count} ${count === 1 ? "begeleider" : "begeleiders"}`,
  facilitatorsShort: (detail) =>
    `${detail}. Voeg een begeleider toe met grenzeloos facilitators add --name "…" --email … --max-groups 2, of vorm grotere groepen met --size, bijv. --size 7-9.`,
  planningSessions: "Groepsbijeenkomsten plannen",
  sessionsPlanned: (round, perGroup, groups, total, messages) =>
    `${round}: ${perGroup} bijeenkomsten per groep voor ${groups} leergroepen gepland (${total} in totaal); ${messages} uitnodigingen staan klaar (verstuur met grenzeloos outbox send).`,
  fetchingThemes: "Thema's ophalen",
  noThemes: 'Nog geen thema\'s. Voeg er een toe: grenzeloos themes add --title "…"',
  themesHeader: ["Thema", "Minuten", "Status", "Id"],
  themeCount: (count) => `${count} thema's`,
  editingTheme: "Thema bijwerken",
  themeEdited: (title, minutes) => `Thema "${title}" (${minutes} min) bijgewerkt.`,
  withdrawingTheme: "Thema intrekken",
  themeWithdrawn: (title) => `Thema "${title}" is ingetrokken: het staat niet meer op de voorraadagenda.`,
  planningGathering: "Bijeenkomst plannen",
  gatheringPlanned: (title, quarter, minutes, venue, status) =>
    `${title} (${quarter}, ${minutes} minuten${venue === undefined ? "" : `, ${venue}`}): ${status}.`,
  proposeWith: (gatheringId) => `Stel datums voor met: grenzeloos meeting candidates --gathering ${gatheringId}`,
  noGathering: "geen bijeenkomst gegeven",
  noGatheringHint: "geef --gathering <id> (uit meeting plan) of --quarter 2027-Q1",
  pollOpen: (title, pollId, dates) => `${title}: datumprikker ${pollId} staat open met ${dates} datums.`,
  askWith: (pollId) => `Vraag de leden met: grenzeloos poll request --poll ${pollId}`,
  answeredOf: (answered, total, unknown) =>
    `${answered} van de ${total} leden antwoordden; van ${unknown} weten we het niet.`,
  weighed: (heavier, maxWeight) =>
    `Wie de vorige bijeenkomst miste of bij minder bijeenkomsten van het afgelopen jaar kon zijn, telde zwaarder mee, tot ${Numbers.of("nl").number(maxWeight, 2)} keer: ${heavier}.`,
  closeAndInvite: (gatheringId) =>
    `Kies het programma met grenzeloos vote close --vote <id> --gathering ${gatheringId}, en nodig uit met: grenzeloos invite --gathering ${gatheringId}`,
  movingGathering: "Bijeenkomst verplaatsen",
  gatheringMoved: (title, when, venue, updated, sequence) =>
    `${title} is verplaatst naar ${when}${venue === undefined ? "" : `, ${venue}`}; ${updated} genodigden krijgen de wijziging (versie ${sequence}).`,
  cancellingGathering: "Bijeenkomst aflassen",
  gatheringCancelled: (title, notified, withdrawn) =>
    `${title} is afgelast: ${notified} genodigden krijgen de afzegging; ${withdrawn} berichten die nog klaarstonden gaan niet meer uit.`,
  askingMembers: "Leden om hun antwoord vragen",
  pollRequested: (asked, alreadyAnswered) =>
    `${asked} leden krijgen de datumprikker per e-mail, in hun eigen taal${alreadyAnswered > 0 ? `; ${alreadyAnswered} antwoordden al` : ""}.`,
  pollRequestNext: (pollId) =>
    `Verstuur met: grenzeloos outbox send. Voer de antwoorden in met: grenzeloos poll import antwoorden.csv --poll ${pollId}`,
  enteringAnswers: "Antwoorden invoeren",
  noSuchPoll: (pollId) => `er is geen datumprikker ${pollId}`,
  noSuchPollHint: "geef de id die meeting candidates noemde",
  noPollHeader: "geen kopregel met een kolom lidnummer, e-mail of naam en de datums van de datumprikker gevonden",
  pollHeaderHint: (exampleDate) =>
    `Zet in de eerste rijen een kopregel: Naam (of Lidnummer, E-mail) en per datum de datum, bijv. ${exampleDate}.`,
  answersEntered: (count, title) => `${count} antwoorden ingevoerd in de datumprikker "${title}".`,
  answersHeader: ["Datum", "Ja", "Als het moet", "Nee"],
  decideWith: (pollId) => `Kies de datum met: grenzeloos meeting decide --poll ${pollId}`,
  enteringAnswer: "Antwoord invoeren",
  answerEntered: (name, answer, when) => `${name}: ${nl.answer(answer)} op ${when}.`,
  openingVote: "Stemronde openen",
  voteTitle: (gathering) => (gathering === undefined ? "Stemronde" : `Programma ${gathering}`),
  gatheringTitle: (quarter) => `Kwartaalbijeenkomst ${quarter}`,
  roundName: (round) => `Leergroepen ${round}`,
  voteOpened: (title, until, themes) =>
    `Stemronde "${title}" staat open tot ${until}, over ${themes} thema's; elk actief lid krijgt een uitnodiging om te stemmen.`,
  enterBallotsWith: (roundId) => `Voer stemmen in met: grenzeloos vote import stemmen.csv --vote ${roundId}`,
  withdrawingBallot: "Stem intrekken",
  ballotWithdrawn: (name) => `De stem van ${name} is ingetrokken.`,
  programmeWithoutGathering:
    "Het programma hoort bij geen bijeenkomst: geef --gathering <id> om het op een uitnodiging te zetten.",
  programmeOf: (gathering, themes) => `Programma van ${gathering}: ${themes.join(", ")}.`,
  inviteesUpdated: (count) => `${count} genodigden krijgen de wijziging.`,
  sentSoFar: (count) => `· ${count} verstuurd…`,
  sent: (delivered, from, retried, failed) =>
    `${delivered} berichten verstuurd vanaf ${from}${retried > 0 ? `; ${retried} later opnieuw` : ""}${failed > 0 ? `; ${failed} gingen niet (zie grenzeloos outbox status)` : ""}.`,
  failedHeader: "Mislukt (probeer opnieuw met grenzeloos outbox retry <id> of --dead):",
  messageOrDead: "geef een bericht-id of --dead",
  noSuchMessage: (id) => `er is geen bericht ${id} in de outbox`,
  notFailed: (id, status) =>
    `bericht ${id} is niet mislukt (${nl.messageStatus(status)}); alleen mislukte berichten kunnen opnieuw`,
  retryHint:
    "de ids van mislukte berichten staan onder grenzeloos outbox status; of probeer alle mislukte opnieuw met grenzeloos outbox retry --dead",
  requeued: (count) => `${count} berichten staan weer klaar; verstuur ze met grenzeloos outbox send.`,
  noTransport:
    "waarheen? geef --smtp smtp://mail.example.nl:587 (of GRENZELOOS_SMTP_URL) of --webhook https://… (met GRENZELOOS_WEBHOOK_SECRETS)",
  notSmtpAddress: (typed) => `"${typed}" is geen adres als smtp://mail.example.nl:587`,
  notSmtpScheme: (scheme) => `verwacht smtp:// of smtps://, niet ${scheme}`,
  placeholderOrganizer: (email) =>
    `de uitnodigingen zouden verstuurd worden vanaf ${email}, een adres dat geen post ontvangt, dus er is niets verstuurd. Stel een echte organisator in: grenzeloos init --name "…" --team-name "Uw naam" --team-email u@organisatie.nl (met --as uw id), of GRENZELOOS_ORGANIZER_EMAIL=u@organisatie.nl`,
  yearAttendance: (f, naming) => {
    const numbers = Numbers.of("nl")
    const n = Naming.named(naming)
    const heavier = f.members.filter((m) => m.weight > 1)
    return `Met de gekozen datum kan ieder lid bij minstens ${numbers.percent(f.minimumShare)} van de bijeenkomsten van het jaar zijn (gemiddeld ${numbers.percent(f.meanShare)}, spreiding ${numbers.number(100 * f.spread)} procentpunt). ${f.minimumShare < 1 ? `Het laagst: ${f.lowest.map(n).join(", ") || "—"}.` : ""}${f.unknown > 0 ? ` Van ${numbers.number(f.unknown)} ${f.unknown === 1 ? "lid" : "leden"} weten we het niet (geen antwoord): voor hen telt deze bijeenkomst niet mee.` : ""}${
      heavier.length > 0
        ? ` ${nl.weighed(
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

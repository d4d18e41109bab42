import { Domain } from "@grenzeloos/core"
import { Either, Schema } from "effect"

// Members as another government tool hands them over (e.g. the body of an HTTP request).
const body: unknown = JSON.parse(`{
  "members": [
    { "id": "m-001", "communityId": "rijk", "name": "IJsbrand de Vries", "email": "ijsbrand@minbzk.nl",
      "organisation": "Ministerie van BZK", "programme": "Renovatie Binnenhof", "interests": ["Worstelen met de Woo"],
      "preferredLanguage": "nl", "status": "active", "joinedOn": "2026-02-01" },
    { "id": "m-002", "communityId": "rijk", "name": "Aïcha van 't Hoff", "email": "aicha@",
      "organisation": "Ministerie van LNV", "programme": "Aanpak stikstof", "interests": [],
      "preferredLanguage": "nl", "status": "active", "joinedOn": "2026-02-30" }
  ]
}`)

const decodeMembers = Domain.decode(Schema.Struct({ members: Schema.Array(Domain.Member) }), {
  subject: "request body"
})

Either.match(decodeMembers(body), {
  onLeft: (error) => {
    // Every problem at once, each with its path: show them to the person who sent the data.
    console.error(error.message)
    process.exitCode = 1
  },
  onRight: ({ members }) => console.log(`${members.length} members accepted`)
})

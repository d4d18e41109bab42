// A real SMTP server on 127.0.0.1 (smtp-server) that keeps every message it receives, parsed
// with mailparser, for the whole-quarter test and the outbox benchmark.
import type { AddressInfo } from "node:net"
import { type ParsedMail, simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"

export interface Mailbox {
  readonly port: number
  readonly received: Array<ParsedMail>
  readonly close: () => Promise<void>
  /** Resolves once `count` messages have arrived and been parsed. */
  readonly settled: (count: number) => Promise<void>
}

export const open = (options: { readonly parse?: boolean; readonly reject?: boolean } = {}): Promise<Mailbox> =>
  new Promise((resolve) => {
    const received: Array<ParsedMail> = []
    let arrived = 0
    const parsing: Array<Promise<void>> = []
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      // A server that refuses every recipient for good (550), for the failure paths.
      onRcptTo(_address, _session, callback) {
        callback(
          options.reject === true
            ? Object.assign(new Error("550 5.1.1 no such user"), { responseCode: 550 })
            : undefined
        )
      },
      onData(stream, _session, callback) {
        const chunks: Array<Buffer> = []
        stream.on("data", (chunk: Buffer) => chunks.push(chunk))
        stream.on("end", () => {
          arrived += 1
          if (options.parse !== false)
            parsing.push(simpleParser(Buffer.concat(chunks)).then((mail) => void received.push(mail)))
          callback()
        })
      }
    })
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.server.address() as AddressInfo
      resolve({
        port,
        received,
        close: () => new Promise((done) => server.close(() => done())),
        settled: async (count) => {
          while (arrived < count) await new Promise((r) => setTimeout(r, 20))
          await Promise.all(parsing)
        }
      })
    })
  })

/** The iCalendar part of a message (mailparser keeps `text/calendar` as an attachment). */
export const calendarOf = (mail: ParsedMail): string | undefined => {
  const part = mail.attachments.find((a) => a.contentType.startsWith("text/calendar") || a.filename?.endsWith(".ics"))
  return part?.content.toString("utf8")
}

/** A property of the VEVENT, unfolded (RFC 5545 §3.1). */
export const property = (ics: string, name: string): string | undefined => {
  const unfolded = ics.replace(/\r?\n[ \t]/g, "")
  const event = unfolded.slice(unfolded.indexOf("BEGIN:VEVENT"))
  const line = event.split(/\r?\n/).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
  return line
}

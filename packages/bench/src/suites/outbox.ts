/**
 * `pnpm bench outbox [--count N] [--runs R]`: `grenzeloos outbox send` of N invitations (default
 * 1,000) through the command line itself (`Cli.run`, in-process) from a SQLite file to a real
 * SMTP server on 127.0.0.1 (smtp-server). Each run sets up a community of N members from a CSV,
 * plans and decides a gathering, queues its invitations with `invite --reminders ""`, and times
 * `outbox send` until nothing is due (target: under 10 s for 1,000).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as NodeContext from "@effect/platform-node/NodeContext"
import { Cli } from "@grenzeloos/cli"
import { Synthetic } from "@grenzeloos/testkit"
import { type Console, Effect, Redacted } from "effect"
import { SMTPServer } from "smtp-server"
import type { Suite } from "../Suite.js"
import { elapsedMs, table } from "../Table.js"

const option = (args: ReadonlyArray<string>, name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  return i < 0 ? fallback : Number(args[i + 1])
}

// The command line's output, captured (its JSON is read; nothing is printed while timing).
const capturing = (lines: Array<string>): Console.Console => {
  const text = (args: ReadonlyArray<unknown>) => args.map(String).join(" ")
  const unsafe = { log: (...args: ReadonlyArray<unknown>) => void lines.push(text(args)), error: () => {} }
  return new Proxy({} as Console.Console, {
    get: (_, key) => {
      if (key === "log") return (...args: ReadonlyArray<unknown>) => Effect.sync(() => unsafe.log(...args))
      if (key === "unsafe")
        return new Proxy(unsafe, { get: (target, k) => (k in target ? target[k as "log"] : () => {}) })
      return () => Effect.void
    }
  })
}

const grenzeloos = async (...argv: ReadonlyArray<string>): Promise<{ code: number; out: string }> => {
  const lines: Array<string> = []
  const code = await Effect.runPromise(
    Cli.run(argv).pipe(Effect.withConsole(capturing(lines)), Effect.provide(NodeContext.layer))
  )
  return { code, out: lines.join("\n") }
}

const smtp = (): Promise<{ port: number; received: () => number; close: () => Promise<void> }> =>
  new Promise((resolve) => {
    let received = 0
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        stream.on("data", () => {})
        stream.on("end", () => {
          received += 1
          callback()
        })
      }
    })
    server.server.on("connection", (socket: import("node:net").Socket) => socket.setNoDelay(true))
    server.listen(0, "127.0.0.1", () =>
      resolve({
        port: (server.server.address() as AddressInfo).port,
        received: () => received,
        close: () => new Promise((done) => server.close(() => done()))
      })
    )
  })

const suite: Suite = {
  description: "grenzeloos outbox send: N invitations from a SQLite file to a local SMTP server, through Cli.run",
  run: async (args) => {
    const count = option(args, "count", 1000)
    const runs = option(args, "runs", 3)
    const rows: Array<Array<string | number>> = []
    for (let run = 1; run <= runs; run++) {
      const dir = mkdtempSync(join(tmpdir(), "grenzeloos-bench-outbox-"))
      const db = join(dir, "bench.db")
      const at = (...argv: ReadonlyArray<string>) =>
        grenzeloos(...argv, "--db", db, "--community", "bench", "--as", "team", "--json")
      const must = async (...argv: ReadonlyArray<string>) => {
        const ran = await at(...argv)
        if (ran.code !== 0) throw new Error(`grenzeloos ${argv.join(" ")}: exit ${ran.code}\n${ran.out}`)
        return JSON.parse(ran.out) as Record<string, unknown>
      }
      const generated = Synthetic.community({ seed: run, members: count })
      const csv = join(dir, "leden.csv")
      writeFileSync(
        csv,
        `Naam;E-mail;Organisatie;Programma;Status\n${generated.members
          .map((m, i) =>
            [m.name, `lid${i}.${Redacted.value(m.email)}`, m.organisation, m.programme, "actief"].join(";")
          )
          .join("\n")}\n`
      )
      await must("init", "--name", "Bench", "--team-name", "Team", "--team-email", "team@bench.nl")
      await must("members", "import", csv)
      const gathering = (await must("meeting", "plan", "--quarter", "2027-Q2")).id as string
      const poll = (await must("meeting", "candidates", "--gathering", gathering, "--count", "2")).id as string
      await must("meeting", "decide", "--poll", poll, "--force")
      const invited = await must("invite", "--gathering", gathering, "--out", dir, "--reminders", "")
      const server = await smtp()
      const start = performance.now()
      const sent = await must("outbox", "send", "--smtp", `smtp://127.0.0.1:${server.port}`)
      const ms = elapsedMs(start)
      await server.close()
      rmSync(dir, { recursive: true, force: true })
      rows.push([
        run,
        invited.messages as number,
        sent.delivered as number,
        server.received(),
        Math.round(ms),
        ms < 10_000 ? "yes" : "NO"
      ])
    }
    console.log(table(["run", "queued", "delivered", "received", "ms", "< 10 s"], rows))
    console.log(`load average: ${(await import("node:fs")).readFileSync("/proc/loadavg", "utf8").trim()}`)
  }
}

export default suite

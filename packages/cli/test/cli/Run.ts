// Runs the grenzeloos command in-process, capturing what it prints.
import * as NodeContext from "@effect/platform-node/NodeContext"
import { type Console, Effect } from "effect"
import { run } from "../../src/cli/Cli.js"

export interface Ran {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const capturing = (out: Array<string>, err: Array<string>): Console.Console => {
  const text = (args: ReadonlyArray<unknown>) => args.map(String).join(" ")
  const unsafe = {
    log: (...args: ReadonlyArray<unknown>) => void out.push(text(args)),
    error: (...args: ReadonlyArray<unknown>) => void err.push(text(args))
  }
  return new Proxy({} as Console.Console, {
    get: (_, key) => {
      if (key === "log") return (...args: ReadonlyArray<unknown>) => Effect.sync(() => unsafe.log(...args))
      if (key === "error") return (...args: ReadonlyArray<unknown>) => Effect.sync(() => unsafe.error(...args))
      if (key === "unsafe")
        return new Proxy(unsafe, { get: (target, k) => (k in target ? target[k as "log"] : () => {}) })
      return () => Effect.void
    }
  })
}

export const grenzeloos = async (...argv: ReadonlyArray<string>): Promise<Ran> => {
  const out: Array<string> = []
  const err: Array<string> = []
  const code = await Effect.runPromise(
    run(argv).pipe(Effect.withConsole(capturing(out, err)), Effect.provide(NodeContext.layer))
  )
  return { code, stdout: out.join("\n"), stderr: err.join("\n") }
}

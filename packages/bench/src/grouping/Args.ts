/** Reads a numeric `--name value` flag from the command line, with a default. */
export const flag = (args: ReadonlyArray<string>, name: string, fallback: number): number => {
  const at = args.indexOf(name)
  if (at < 0) return fallback
  const value = Number(args[at + 1])
  if (!Number.isFinite(value)) {
    console.error(`${name} expects a number, got ${args[at + 1] ?? "nothing"}`)
    process.exit(2)
  }
  return value
}

/** The arguments that are not flags or flag values. */
export const positional = (args: ReadonlyArray<string>): Array<string> =>
  args.filter((a, i) => !a.startsWith("--") && !(args[i - 1] ?? "").startsWith("--"))

/** The CPU time of this process (user and system) in milliseconds: a clock that a loaded machine does not slow down. */
export const cpuClock = (): number => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

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

let lastWall = Number.NEGATIVE_INFINITY
let lastCpu = 0

/**
 * The CPU time of this process (user and system) in milliseconds: a clock that a loaded machine does
 * not slow down. Reading it is a system call (about 4 µs, an eighth of a 3 s search that reads its
 * clock after every pass), so it is read again only when the wall clock has moved on by 1 ms; in
 * between it answers the last reading (at most 1 ms behind, never going back).
 */
export const cpuClock = (): number => {
  const now = performance.now()
  if (now - lastWall < 1) return lastCpu
  lastWall = now
  const { user, system } = process.cpuUsage()
  lastCpu = (user + system) / 1000
  return lastCpu
}

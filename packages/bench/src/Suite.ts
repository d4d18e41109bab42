/** A benchmark suite run by `pnpm bench <name>`. */
export interface Suite {
  /** One line saying what is measured. */
  readonly description: string
  /** Runs the suite and prints its results (a table) to stdout. */
  readonly run: (args: ReadonlyArray<string>) => Promise<void>
}

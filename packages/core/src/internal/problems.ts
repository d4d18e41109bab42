// Shared by the typed input errors (DecodeError and the engines' own); not exported.

/** The message of an input error: a head line, then one line per problem with its path. */
export const formatProblems = (
  subject: string,
  problems: ReadonlyArray<{ readonly path: string; readonly message: string }>,
  where = "the input"
): string => {
  const count = problems.length
  const head = `${subject}: ${count} ${count === 1 ? "problem" : "problems"} in ${where}`
  return [head, ...problems.map((p) => `  ${p.path === "" ? "(the input itself)" : p.path}: ${p.message}`)].join("\n")
}

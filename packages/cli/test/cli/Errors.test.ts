// The command line's own errors, as the person reads them
import { SystemError } from "@effect/platform/Error"
import { describe, expect, it } from "vitest"
import { Unwritable } from "../../src/cli/Errors.js"
import * as ExitCode from "../../src/cli/ExitCode.js"

describe("Unwritable.fromWrite", () => {
  const cause = new SystemError({
    reason: "NotFound",
    module: "FileSystem",
    method: "writeFileString",
    pathOrDescriptor: "/nergens/verslag.html",
    description: "ENOENT: no such file or directory"
  })

  it("names the option the person typed, the path and what to do, in their language, and exits 2", () => {
    const dutch = Unwritable.fromWrite("--out", "/nergens/verslag.html", "nl")(cause)
    expect(dutch.message).toBe(
      "--out: /nergens/verslag.html is niet te schrijven (de map bestaat niet); kies een andere map of naam"
    )
    const english = Unwritable.fromWrite("--out", "/nergens/verslag.html", "en")(cause)
    expect(english.message).toBe(
      "--out: /nergens/verslag.html cannot be written (the folder does not exist); choose another folder or name"
    )
    expect(ExitCode.of(english)).toBe(2)
  })
})

import { execFile } from "node:child_process"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "../../..")

// An adapter written for Store port 0.1 and never upgraded must not pass the current kit quietly:
// each guarantee added since fails with its name and the way to the guide's upgrade section.
describe("an adapter written for Store port 0.1 against the current kit", () => {
  it("fails the new guarantees with messages that name them and point to 'Upgrading an adapter'", {
    timeout: 300_000
  }, async () => {
    const output = await new Promise<string>((resolve) => {
      execFile(
        join(root, "node_modules/.bin/vitest"),
        [
          "run",
          "--config",
          join(import.meta.dirname, "fixtures/vitest.old-adapter.config.ts"),
          "--testNamePattern",
          "unique-fields|audit-order|outbox",
          "--reporter",
          "verbose"
        ],
        { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } },
        // The child run fails (that is the point): read its output either way.
        (_error, stdout, stderr) => resolve(`${stdout}\n${stderr}`)
      )
    })
    const failed = output.split("\n").filter((line) => /^\s*×/.test(line))
    expect(failed.length, output.slice(-4000)).toBeGreaterThan(0)
    // Every failing test is one of the guarantees added since 0.1, and says where to read about it.
    for (const line of failed) expect(line, output.slice(-4000)).toMatch(/unique-fields|audit-order|outbox-ordering/)
    expect(output).toContain(
      "[unique-fields] the core refused a batch with unique fields because the adapter does not declare capabilities.uniqueFields"
    )
    expect(output).toContain(
      'see "Upgrading an adapter" (docs/guides/writing-a-storage-adapter.md#upgrading-an-adapter)'
    )
    expect(output).toContain(
      "[outbox-ordering] the adapter does not declare capabilities.outboxStreams, so the core refuses outbox streams"
    )
    // The guarantees it always kept still pass.
    expect(output).toMatch(/✓ .*outbox/)
  })
})

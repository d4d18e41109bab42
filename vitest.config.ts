import { defineConfig } from "vitest/config"

// Tests run against the TypeScript sources of the workspace packages (the "@grenzeloos/source"
// export condition), so no build is needed before `pnpm test`. The packed, built packages are
// checked separately by `pnpm check:packages`.
//
// Test files share their worker's module cache (`isolate: false`, decision 0148): importing
// effect, @effect/sql and the workspace once per worker instead of once per file halves the
// suite's CPU time. So no test file may leave a shared module changed: `vi.mock` is not used, a
// patched built-in is put back, and `vitest.setup.ts` undoes what @effect/vitest's `layer(…)`
// changes on the shared `it`.
export default defineConfig({
  resolve: { conditions: ["@grenzeloos/source"] },
  ssr: { resolve: { conditions: ["@grenzeloos/source"], externalConditions: ["@grenzeloos/source"] } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default"],
    isolate: false,
    setupFiles: ["./vitest.setup.ts"]
  }
})

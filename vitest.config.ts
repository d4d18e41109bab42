import { defineConfig } from "vitest/config"

// Tests run against the TypeScript sources of the workspace packages (the "@grenzeloos/source"
// export condition), so no build is needed before `pnpm test`. The packed, built packages are
// checked separately by `pnpm check:packages`.
export default defineConfig({
  resolve: { conditions: ["@grenzeloos/source"] },
  ssr: { resolve: { conditions: ["@grenzeloos/source"], externalConditions: ["@grenzeloos/source"] } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default"]
  }
})

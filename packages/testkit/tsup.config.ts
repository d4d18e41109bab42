import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts", "src/vitest.ts"],
  format: ["esm", "cjs"],
  dts: false,
  sourcemap: true,
  clean: true,
  target: "node22",
  external: ["vitest", "@effect/vitest", "@grenzeloos/core", "effect"],
  treeshake: true
})

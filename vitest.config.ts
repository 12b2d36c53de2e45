import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each integration file opens its own PGlite; two cores, so two workers.
    maxWorkers: 2,
    reporters: ["default"],
  },
});

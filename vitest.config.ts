import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "@": fileURLToPath(new URL(".", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000 },
      },
      {
        resolve: { alias },
        // Tests of the test and benchmark tooling (the fake Gemini server, the
        // quality checker, the benchmark's chunk-PDF engine), not of the product.
        test: { name: "tooling", include: ["tests/support/**/*.test.ts", "bench/**/*.test.ts"], testTimeout: 60_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // One product stack (Postgres, web, worker, fake Gemini) for the run.
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Files share the stack's machine; running them one at a time keeps
          // timings honest on two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});

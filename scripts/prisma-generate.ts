// Runs `prisma generate` without network access. The Prisma 7 CLI fetches a
// schema-engine binary before every command; generation never uses it, so any
// existing file satisfies the check.
import { spawnSync } from "node:child_process";

const result = spawnSync("prisma", ["generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);

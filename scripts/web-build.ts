// Whether the production web build is older than the sources it was built
// from, so `npm start` and the test stack rebuild only when needed.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const sourceDirs = ["app", "components", "lib", "public"];
const sourceFiles = ["instrumentation.ts", "next.config.mjs", "package-lock.json", "tsconfig.json"];

function newestSourceChange(root: string): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "generated" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of sourceDirs) walk(path.join(root, dir));
  for (const file of sourceFiles) {
    const full = path.join(root, file);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export function isWebBuildFresh(root: string): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  return existsSync(buildId) && statSync(buildId).mtimeMs > newestSourceChange(root);
}

/** Runs `next build` unless the existing build is fresh; returns false when the build failed. */
export function ensureWebBuild(root: string): boolean {
  if (isWebBuildFresh(root)) return true;
  console.log("Building the web app (first run, or the sources changed)…");
  const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  return build.status === 0;
}

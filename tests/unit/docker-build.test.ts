// The image build, checked without a Docker engine: the Dockerfile's build
// steps are exactly the install and build scripts CI runs, in the same order,
// on the same tree (.dockerignore leaves out no tracked file, but does leave
// out .env and local state); the image runs as a non-root user that does not
// own the application's files; compose builds
// one image and shares it. tests/integration/docker-image.test.ts runs the
// compose commands themselves against a real database.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ciCommands, composeServices, dockerfileStages, dockerIgnores, root } from "@/tests/support/docker-files";
import { heapOptions, webHeapOptions } from "@/scripts/heap-options";

describe("Dockerfile", () => {
  const stages = dockerfileStages();
  const runs = stages[0]!.filter((step) => step.keyword === "RUN").map((step) => step.args);

  it("builds with exactly the commands CI runs, in the same order, before its tests", () => {
    expect(runs).toEqual(["sh scripts/install.sh", "npm run build"]);
    const ci = ciCommands();
    expect(ci.slice(-3)).toEqual([...runs, "npm test"]);
  });

  it("copies the whole context before installing, and nothing else from it", () => {
    const build = stages[0]!;
    const copies = stages.flat().filter((step) => step.keyword === "COPY" && !step.args.includes("--from="));
    expect(copies.map((step) => step.args)).toEqual([". ."]);
    expect(build.findIndex((step) => step.keyword === "COPY")).toBeLessThan(build.findIndex((step) => step.keyword === "RUN"));
  });

  it("runs as a non-root user and starts the web app without npx", () => {
    const final = stages.at(-1)!;
    const user = final.filter((step) => step.keyword === "USER").at(-1);
    expect(user?.args).toBeDefined();
    expect(["root", "0"]).not.toContain(user!.args.split(":")[0]);
    const cmd = JSON.parse(final.find((step) => step.keyword === "CMD")!.args) as string[];
    expect(cmd[0]).toBe("node");
    expect(cmd).toEqual(expect.arrayContaining(webHeapOptions.split(" ")));
  });

  it("leaves the application's files to root: the user it runs as owns only Next.js's run-time cache", () => {
    const final = stages.at(-1)!;
    const userAt = final.findIndex((step) => step.keyword === "USER");
    // Files COPY'd without --chown belong to root, whatever user runs later.
    const copies = final.filter((step) => step.keyword === "COPY");
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(copy.args).not.toMatch(/--chown/);
    // The only steps of the runtime stage that change owners, all before USER: the cache folder.
    const runs = final.filter((step) => step.keyword === "RUN");
    expect(runs.map((step) => step.args)).toEqual(["mkdir -p .next/cache && chown -R node:node .next/cache"]);
    expect(final.indexOf(runs[0]!)).toBeLessThan(userAt);
    expect(final.at(userAt)!.args).toBe("node");
  });
});

describe(".dockerignore", () => {
  const ignored = dockerIgnores();

  it("keeps secrets, local data, installed modules and test output out of the image", () => {
    for (const file of [".env", ".env.local", ".data/session-secret", ".data/postgres/PG_VERSION", "node_modules/next/package.json",
      "test-results/a.png", "playwright-report/index.html", ".next/BUILD_ID", "dist/worker/index.js"]) {
      expect(ignored(file), file).toBe(true);
    }
    expect(ignored(".env.example")).toBe(false);
  });

  it("leaves out no file git tracks, so the image builds the tree CI tested", () => {
    const tracked = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
    expect(tracked.length).toBeGreaterThan(50);
    expect(tracked.filter(ignored)).toEqual([]);
  });
});

describe("docker-compose.yml", () => {
  const services = composeServices();
  const app = ["migrate", "web", "worker"] as const;

  it("builds one image once and runs migrate, web and worker from it", () => {
    const built = Object.entries(services).filter(([, service]) => service.build !== undefined);
    expect(built.map(([name]) => name)).toEqual(["migrate"]);
    const images = new Set(app.map((name) => services[name]!.image));
    expect(images.size).toBe(1);
    expect([...images][0]).toBeTruthy();
  });

  it("restarts web and worker, limits their memory from config, and checks the worker's own heartbeat", () => {
    for (const name of ["web", "worker"] as const) {
      expect(services[name]!.restart).toBe("unless-stopped");
      expect(services[name]!.mem_limit).toMatch(/^\$\{[A-Z_]+_MEMORY_LIMIT:-\d+[mg]\}$/);
    }
    const worker = services.worker!;
    const port = worker.environment!.WORKER_HEALTH_PORT!;
    expect(worker.healthcheck!.test.join(" ")).toContain(`http://127.0.0.1:${port}/`);
    expect(worker.command).toEqual(["node", "dist/worker/index.js"]);
    // The same small young generation as npm start and the test stack (scripts/heap-options.ts).
    expect(worker.environment!.NODE_OPTIONS).toContain(heapOptions);
    expect(services.web!.environment!.NODE_OPTIONS).toContain(webHeapOptions);
    expect(app.every((name) => !services[name]!.command!.some((arg) => /\b(npx|tsx)\b/.test(arg)))).toBe(true);
  });

  it("runs only files the image's `npm run build` produces", () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.build).toBe("next build && npm run build:node && npm run build:lefff");
    // The last step leaves the packed Lefff in node_modules/.cache, which the image copies with node_modules.
    expect(scripts["build:lefff"]).toBe("node --import tsx scripts/pack-lefff.ts");
    const bundle = scripts["build:node"]!.split(" ");
    expect(bundle).toEqual(expect.arrayContaining(["--bundle", "--outbase=.", "--outdir=dist"]));
    const built = bundle.filter((arg) => arg.endsWith(".ts")).map((entry) => `dist/${entry.replace(/\.ts$/, ".js")}`);
    expect(built).toEqual(["dist/worker/index.js", "dist/scripts/migrate.js", "dist/lib/pdf/read-pdf-pages-thread.js"]);
    expect(services.worker!.command![1]).toBe(built[0]);
    expect(services.migrate!.command![1]).toBe(built[1]);
    // The bundled worker starts its PDF reading threads from this file.
    expect(readFileSync(path.join(root, "lib/pdf/read-pdf-pages-safely.ts"), "utf8")).toContain(`"${built[2]}"`);
  });
});

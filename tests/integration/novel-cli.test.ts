// `npm run novel` end to end: the command line starts its own worker process
// (scripts/worker-command.ts, as `npm start` does), runs a short book on the
// local engine on a database of its own and writes the export's JSON.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportColumns } from "@/lib/exports/export-columns";
import { loadCorpusText, makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { gutenbergText, makeEpub } from "@/tests/fixtures/make-book-files";

const root = path.resolve(import.meta.dirname, "../..");
let dir: string;
let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await createFreshDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), "novel-cli-"));
  const book = await makeNovelPdf({
    text: loadCorpusText("flaubert_madame-bovary_pg14155.txt", { words: 2500 }),
    title: "Madame Bovary",
    pages: 6,
  });
  writeFileSync(path.join(dir, "bovary.pdf"), book);
  writeFileSync(path.join(dir, "bovary.txt"), gutenbergText({ words: 1500 }));
  writeFileSync(path.join(dir, "bovary.epub"), makeEpub({ words: 1500 }));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  // The npm script's command, without npm in between.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/load-packages-natively.ts", "scripts/novel.ts", ...args],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stderr })));
}

describe("npm run novel", () => {
  it("runs the book through its own worker process and writes the sentences", async () => {
    const out = path.join(dir, "bovary.json");
    const { code, stderr } = await runCli([path.join(dir, "bovary.pdf"), "--engine", "local", "--max-words", "8", "--out", out]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/succeeded/);
    const rows = JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(50);
    expect(Object.keys(rows[0]!)).toEqual([...exportColumns]);
    expect(rows.every((row) => typeof row.text === "string" && row.text !== "")).toBe(true);
    expect(stderr).toContain(`${rows.length} sentences written to ${out}`);
  });

  it("takes an EPUB and a text file the same way, the location column named 'section'", async () => {
    for (const name of ["bovary.txt", "bovary.epub"]) {
      const out = path.join(dir, `${name}.csv`);
      const { code, stderr } = await runCli([path.join(dir, name), "--engine", "local", "--max-words", "8", "--out", out]);
      expect(code, stderr).toBe(0);
      const [header, ...lines] = readFileSync(out, "utf8").replace(/^\uFEFF/u, "").split("\r\n");
      expect(header!.split(",")[3]).toBe("section");
      expect(lines.length).toBeGreaterThan(50);
    }
  });
});

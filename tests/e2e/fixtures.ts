// Shared e2e helpers: a console-error guard on every page, sign-up, book PDFs
// made from the real corpus, and small readers for what the UI shows.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test as base, type Page } from "@playwright/test";
import { buildNovelPdf, corpusMissing, loadCorpusText } from "@/tests/fixtures/make-novel-pdf";

export const screenshotDir = path.resolve(import.meta.dirname, "screenshots");
const scratchDir = path.resolve(import.meta.dirname, "../../test-results/e2e-files");

export const PASSWORD = "lecture-2024";

/** Collects console errors and uncaught exceptions of a page. */
export function watchConsole(page: Page, sink: string[]) {
  page.on("console", (message) => {
    if (message.type() === "error") sink.push(`${message.text()} @ ${message.location().url}`);
  });
  page.on("pageerror", (error) => sink.push(`uncaught: ${error.message}`));
}

interface ConsoleGuard {
  /** Tolerate errors matching this pattern (an expected 404 page, a refused upload). */
  allow(pattern: RegExp): void;
  /** Watch another page (a second user's context) too. */
  watch(page: Page): void;
}

export const test = base.extend<{ consoleGuard: ConsoleGuard }>({
  consoleGuard: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      watchConsole(page, errors);
      await use({ allow: (pattern) => allowed.push(pattern), watch: (other) => watchConsole(other, errors) });
      const unexpected = errors.filter((error) => !allowed.some((pattern) => pattern.test(error)));
      expect(unexpected, "the browser console shows no errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Specs that upload a real novel need the shared corpus; corpusMissing() says what happens without it. */
export const needsCorpus = () => test.skip(corpusMissing(), "the French corpus is not available (set CORPUS_DIR)");

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.test`;
}

/** Creates an account through the sign-up page and lands on the upload page. */
export async function signUp(page: Page, label = "reader"): Promise<string> {
  const email = uniqueEmail(label);
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Repeat password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("short sentence");
  return email;
}

export async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

export interface BookFile {
  name: string;
  path: string;
  pageCount: number;
}

/** A real-looking novel PDF from the shared corpus, written to disk for setInputFiles. */
export async function novelPdf(options: {
  name: string;
  corpus: string;
  words: number;
  pages?: number;
  title?: string;
}): Promise<BookFile> {
  const text = loadCorpusText(options.corpus, { words: options.words });
  const pdf = await buildNovelPdf({ text, pages: options.pages, title: options.title });
  return { name: options.name, path: scratchFile(options.name, pdf.bytes), pageCount: pdf.pageCount };
}

/** Any file, written to disk (the oversized one cannot go through a buffer). */
export function scratchFile(name: string, bytes: Uint8Array | string): string {
  mkdirSync(scratchDir, { recursive: true });
  const file = path.join(scratchDir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The home page's file input (the drop zone's "Choose a book"). */
export function homeFileInput(page: Page) {
  return page.getByTestId("home-upload").getByLabel("Choose a book");
}

export function uploadDialog(page: Page) {
  return page.getByTestId("upload-dialog");
}

export async function headerBalance(page: Page): Promise<number> {
  const badge = page.getByTestId("header-balance");
  await expect(badge).toHaveText(/^[\d,]+$/);
  return Number((await badge.textContent())!.replace(/,/g, ""));
}

export async function statNumber(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).textContent())!.replace(/[^\d]/g, ""));
}

export function jobIdFromUrl(page: Page): string {
  const match = /\/jobs\/([0-9a-f-]{36})/.exec(page.url());
  if (!match) throw new Error(`not on a job page: ${page.url()}`);
  return match[1]!;
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: options.fullPage ?? false });
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const input = text.replace(/^\uFEFF/, "");
  for (let index = 0; index < input.length; index++) {
    const char = input[index]!;
    if (quoted) {
      if (char === '"' && input[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && input[index + 1] === "\n") index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Starts a job through the API with the page's session (faster than the dialog when the UI is not under test). */
export async function startJobByApi(
  page: Page,
  book: BookFile,
  options: { engine?: "local" | "gemini"; maxWords?: number } = {},
): Promise<string> {
  const response = await page.request.post("/api/jobs", {
    multipart: {
      file: { name: book.name, mimeType: "application/pdf", buffer: readFileSync(book.path) },
      maxWords: String(options.maxWords ?? 8),
      engine: options.engine ?? "local",
    },
  });
  expect(response.status(), await response.text()).toBe(202);
  const body = (await response.json()) as { job: { id: string } };
  return body.job.id;
}

export async function waitForJobStatus(page: Page, jobId: string, status: RegExp, timeoutMs = 120_000) {
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`/api/jobs/${jobId}`);
        return ((await response.json()) as { status: string }).status;
      },
      { timeout: timeoutMs, intervals: [250, 500, 1000] },
    )
    .toMatch(status);
}

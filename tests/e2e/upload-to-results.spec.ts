// Spec 1: sign up → upload a real novel → progress to 100 % → every sentence
// within the word limit → the CSV has one row per sentence.
import { readFileSync } from "node:fs";
import { countWords } from "@/lib/text/count-words";
import {
  expect,
  headerBalance,
  homeFileInput,
  novelPdf,
  parseCsv,
  screenshot,
  signUp,
  statNumber,
  test,
  uploadDialog,
  needsCorpus,
} from "./fixtures";

const MAX_WORDS = 8;

needsCorpus();

test("a new reader turns a novel into short sentences and downloads them", async ({ page }) => {
  const book = await novelPdf({
    name: "madame-bovary-debut.pdf",
    corpus: "bovary",
    words: 9000,
    pages: 24,
    title: "Madame Bovary",
  });
  await signUp(page, "bovary");
  const startBalance = await headerBalance(page);
  expect(startBalance).toBeGreaterThan(0);

  // Choose the PDF: the dialog opens with the server's estimate.
  await homeFileInput(page).setInputFiles(book.path);
  const dialog = uploadDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading", { name: "Upload a novel" })).toBeVisible();
  await expect(dialog.getByTestId("estimate-pages")).toHaveText(String(book.pageCount));
  await expect(dialog.getByTestId("estimate-price")).toHaveText(/\d+ credits?/);

  // Options are prefilled from the settings (8 words, local engine).
  await expect(dialog.getByLabel("Max words")).toHaveValue(String(MAX_WORDS));
  await expect(dialog.getByLabel("Engine")).toHaveValue("local");
  await expect(dialog.getByTestId("include-matter")).not.toBeChecked();
  // Only the server's models (GEMINI_MODELS) are offered, each with its price.
  await expect(dialog.getByTestId("model").locator("option")).toHaveText([
    "gemini-2.5-flash · 3 credits a page",
    "gemini-2.5-pro · 10 credits a page",
  ]);

  // Keyboard: Start has the focus once the estimate is in; Enter starts the job.
  await expect(dialog.getByTestId("start-job")).toBeFocused();
  await page.keyboard.press("Enter");

  // Live progress inside the same dialog, until the job is done.
  const progress = dialog.getByRole("progressbar");
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuemin", "0");
  await expect(progress).toHaveAttribute("aria-valuemax", "100");
  await expect(dialog.getByRole("heading", { name: /Processing/ })).toContainText(book.name);
  await expect(dialog.getByTestId("job-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 120_000 });
  await expect(progress).toHaveAttribute("aria-valuenow", "100");
  await expect(dialog.getByTestId("job-percent")).toHaveText("100 %");
  await expect(dialog.getByTestId("chunk-grid").locator("[data-status]").first()).toHaveAttribute(
    "data-status",
    "done",
  );
  await expect(dialog.getByTestId("chunk-grid").locator(':not([data-status="done"])[data-status]')).toHaveCount(0);

  await dialog.getByRole("link", { name: "Open results" }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(book.name);

  // Results: every sentence within the limit, counted by the server and by us.
  const total = await statNumber(page, "stat-sentences");
  expect(total).toBeGreaterThan(50);
  const table = page.getByTestId("sentences-table");
  await expect(table).toBeVisible();
  // The book starts with Bovary's own front pages (title, contents of numerals): counted, left out.
  await expect(page.getByTestId("stat-matter")).toContainText(/\d+ before · \d+ after/);
  // Pieces cut from one sentence carry their place ("1/2"); chapter numerals are section breaks.
  await expect(table.getByTestId("sentence-part").first()).toHaveText(/^1\/\d+$/);
  await screenshot(page, "results-page");
  while (await page.getByTestId("load-more").isVisible()) {
    const before = await table.locator("tbody tr").count();
    await page.getByTestId("load-more").click();
    await expect.poll(() => table.locator("tbody tr").count()).toBeGreaterThan(before);
  }
  await expect(table.locator("tbody tr")).toHaveCount(total);
  // A finished book's rows are edit buttons, named for screen readers ("Edit row 3: …"): the row's text follows.
  const texts = (await table.getByTestId("sentence-text").allTextContents()).map((text) => text.replace(/^Edit [^:]*:\s*/u, ""));
  const serverCounts = (await table.getByTestId("sentence-words").allTextContents()).map(Number);
  expect(texts).toHaveLength(total);
  for (const [index, text] of texts.entries()) {
    expect(countWords(text), `sentence ${index + 1}: “${text}”`).toBeLessThanOrEqual(MAX_WORDS);
    expect(countWords(text), `sentence ${index + 1}: “${text}”`).toBeGreaterThan(0);
    expect(serverCounts[index]).toBe(countWords(text));
  }

  // Charged credits show on the page and in the header balance.
  const charged = await statNumber(page, "stat-charged");
  expect(charged).toBeGreaterThan(0);
  await expect.poll(() => headerBalance(page)).toBe(startBalance - charged);

  // Search asks the server and narrows the table.
  await page.getByTestId("sentence-search").fill("Charles");
  await expect(page.getByTestId("sentence-count")).toContainText("matching");
  const matches = await table.getByTestId("sentence-text").count();
  expect(matches).toBeGreaterThan(0);
  expect(matches).toBeLessThan(total);
  await page.getByTestId("sentence-search").fill("");
  await expect(page.getByTestId("sentence-count")).toContainText("Showing");

  // Each row says how it was made: the filter keeps one method, and a split sentence carries a marker.
  await page.getByTestId("sentence-method").selectOption("split");
  await expect(page.getByTestId("sentence-count")).toContainText("matching");
  await expect(table.locator("tbody tr").first()).toHaveAttribute("data-method", "split");
  await expect(table.locator('tbody tr:not([data-method="split"])')).toHaveCount(0);
  await expect(table.getByTestId("sentence-method-mark").first()).toHaveText("split");
  await page.getByTestId("sentence-method").selectOption("");
  await expect(page.getByTestId("sentence-count")).toContainText("Showing");
  // The job page counts the originals by method: the local engine keeps, rewrites by its rules or splits;
  // no model wrote anything.
  expect((await statNumber(page, "stat-kept")) + (await statNumber(page, "stat-split"))).toBeGreaterThan(0);
  expect(await statNumber(page, "stat-rewritten-rules")).toBeGreaterThan(0);
  await expect(page.getByTestId("stat-rewritten")).toHaveCount(0);
  // A sentence the rules rewrote says so.
  await page.getByTestId("sentence-method").selectOption("rewritten");
  await expect(table.locator("tbody tr").first()).toHaveAttribute("data-rewritten-by", "rules");
  await expect(table.getByTestId("sentence-method-mark").first()).toHaveText("rules");
  await page.getByTestId("sentence-method").selectOption("");
  await expect(page.getByTestId("sentence-count")).toContainText("Showing");

  // The CSV download has a header and one row per sentence.
  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const rows = parseCsv(readFileSync((await download.path())!, "utf8")).filter((row) =>
    row.some((cell) => cell !== ""),
  );
  expect(rows.length - 1, "CSV data rows").toBe(total);

  // The same page on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "results-page-phone");
});

// Spec: from a finished book to a study set. The job page links to Study
// sets with the book chosen; a pasted list is imported with its report; the
// set runs and shows its coverage, lower bound, sentences (filterable by
// word) and uncovered words, with both exports.
import { expect, needsCorpus, novelPdf, screenshot, signUp, startJobByApi, test, waitForJobStatus } from "./fixtures";

needsCorpus();

test("a finished book becomes a study set for a pasted word list", async ({ page }) => {
  const book = await novelPdf({ name: "bovary-etude.pdf", corpus: "bovary", words: 4000, pages: 12, title: "Madame Bovary" });
  await signUp(page, "study");
  const jobId = await startJobByApi(page, book);
  await waitForJobStatus(page, jobId, /^succeeded$/);

  await page.goto(`/jobs/${jobId}`);
  await page.getByTestId("job-study-sets").click();
  await page.waitForURL((url) => url.pathname === "/study-sets");

  await page.getByLabel("Name").fill("Unité 1");
  await page.getByLabel("…or paste the words").fill("aller\nmaison\nchat|chats\nzblorfquux\nmaison");
  await page.getByRole("button", { name: "Import the list" }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("5 entries read");
  await expect(report).toContainText("1 duplicates merged");
  await expect(report).toContainText("not recognised as French: zblorfquux");
  await expect(page.getByTestId("word-lists")).toContainText("Unité 1");

  await expect(page.getByRole("checkbox", { name: /bovary-etude/ })).toBeChecked();
  await page.getByRole("button", { name: "Choose the sentences" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/study-sets/"));

  const coverage = page.getByTestId("stat-coverage");
  await expect(coverage).toContainText("/ 4", { timeout: 60_000 });
  await expect(page.getByTestId("stat-lower-bound")).not.toHaveText("–");
  const rows = page.getByTestId("study-set-sentences").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(page.getByTestId("uncovered-words")).toContainText("zblorfquux — not in the books");
  await screenshot(page, "study-set-page", { fullPage: true });

  await page.getByLabel("Filter by word").fill("zzz-no-such-word");
  await expect(rows).toHaveCount(0);
  await page.getByLabel("Filter by word").fill("");
  await expect(page.getByTestId("study-set-export-tsv")).toHaveAttribute("href", /format=tsv$/);
  const csv = await page.request.get((await page.getByTestId("study-set-export-csv").getAttribute("href"))!);
  expect(csv.status()).toBe(200);

  await page.getByRole("link", { name: "Study sets" }).first().click();
  await expect(page.getByTestId("study-set-history")).toContainText("succeeded");
});

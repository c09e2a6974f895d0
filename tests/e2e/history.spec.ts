// Spec 3: the history lists a finished and a cancelled book with the right
// states, running rows move live, the status filter and the name search
// narrow the list, and delete (after confirmation) removes a job.
import { expect, novelPdf, screenshot, signUp, startJobByApi, test, waitForJobStatus, needsCorpus } from "./fixtures";

needsCorpus();

test("history shows each book's state, filters, and deletes", async ({ page }) => {
  const short = await novelPdf({
    name: "bovary-chapitre-un.pdf",
    corpus: "bovary",
    words: 4000,
    pages: 12,
    title: "Madame Bovary",
  });
  const long = await novelPdf({
    name: "fantine-complet.pdf",
    corpus: "fantine",
    words: 90_000,
    pages: 250,
    title: "Fantine",
  });
  await signUp(page, "history");

  await page.goto("/jobs");
  await expect(page.getByText("No books yet")).toBeVisible();

  const doneId = await startJobByApi(page, short);
  await waitForJobStatus(page, doneId, /^succeeded$/);
  const cancelId = await startJobByApi(page, long, { engine: "gemini" });

  await page.goto("/jobs");
  const rows = page.getByTestId("history-row");
  await expect(rows).toHaveCount(2);
  const doneRow = page.locator(`[data-testid="history-row"][data-job-id="${doneId}"]`);
  const longRow = page.locator(`[data-testid="history-row"][data-job-id="${cancelId}"]`);
  // Newest first.
  await expect(rows.first()).toHaveAttribute("data-job-id", cancelId);
  await expect(doneRow).toHaveAttribute("data-status", "succeeded");
  await expect(doneRow.getByTestId("job-status")).toHaveText("Done");

  // The running row updates without a reload.
  await expect(longRow).toHaveAttribute("data-status", "running", { timeout: 30_000 });
  const bar = longRow.getByRole("progressbar");
  const first = Number(await bar.getAttribute("aria-valuenow"));
  await expect
    .poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 60_000 })
    .toBeGreaterThan(first);
  await screenshot(page, "history-page-running");

  // Cancel from the row, after confirming.
  await longRow.getByRole("button", { name: `Cancel ${long.name}` }).click();
  const confirm = page.getByRole("alertdialog", { name: "Cancel this job?" });
  await confirm.getByRole("button", { name: "Cancel job" }).click();
  await expect(longRow).toHaveAttribute("data-status", "cancelled", { timeout: 60_000 });
  await expect(longRow.getByTestId("job-status")).toHaveText("Cancelled");
  await screenshot(page, "history-page");

  // Status filter.
  const filter = page.getByLabel("Status");
  await filter.selectOption("succeeded");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-job-id", doneId);
  await expect(page).toHaveURL(/status=succeeded/);
  await filter.selectOption("cancelled");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-job-id", cancelId);
  await filter.selectOption("failed");
  await expect(page.getByText("No job matches these filters")).toBeVisible();
  await filter.selectOption("");
  await expect(rows).toHaveCount(2);

  // Name search.
  await page.getByLabel("File name").fill("bovary");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-job-id", doneId);
  await page.getByLabel("File name").fill("");
  await expect(rows).toHaveCount(2);

  // CSV from the row.
  const downloadPromise = page.waitForEvent("download");
  await doneRow.getByRole("link", { name: `Download ${short.name} as CSV` }).click();
  expect((await downloadPromise).suggestedFilename()).toMatch(/\.csv$/);

  // Delete asks first; cancelling the question keeps the row.
  await longRow.getByRole("button", { name: `Delete ${long.name}` }).click();
  const ask = page.getByRole("alertdialog", { name: "Delete this job?" });
  await ask.getByRole("button", { name: "Keep it" }).click();
  await expect(rows).toHaveCount(2);
  await longRow.getByRole("button", { name: `Delete ${long.name}` }).click();
  await ask.getByRole("button", { name: "Delete" }).click();
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-job-id", doneId);
  expect((await page.request.get(`/api/jobs/${cancelId}`)).status()).toBe(404);

  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "history-page-phone", { fullPage: true });
});

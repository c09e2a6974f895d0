// Spec 2: a long book is cancelled mid-run: the job ends "cancelled", the
// unused credits come back, and the sentences of finished chunks stay visible.
import {
  expect,
  headerBalance,
  homeFileInput,
  novelPdf,
  screenshot,
  signUp,
  statNumber,
  test,
  uploadDialog,
  needsCorpus,
} from "./fixtures";

needsCorpus();

test("cancelling a long book refunds the rest and keeps what was finished", async ({ page }) => {
  const book = await novelPdf({
    name: "du-cote-de-chez-swann.pdf",
    corpus: "swann",
    words: 150_000,
    pages: 300,
    title: "Du côté de chez Swann",
  });
  expect(book.pageCount).toBe(300);
  await signUp(page, "swann");
  const startBalance = await headerBalance(page);

  await homeFileInput(page).setInputFiles(book.path);
  const dialog = uploadDialog(page);
  await expect(dialog.getByTestId("estimate-pages")).toHaveText("300");
  // The (slowed-down) Gemini engine makes the run long enough to stop half-way.
  await dialog.getByLabel("Engine").selectOption("gemini");
  await expect(dialog.getByLabel("Model")).toBeEnabled();
  const start = dialog.getByTestId("start-job");
  await expect(start).toBeEnabled();
  await start.click();

  const progress = dialog.getByTestId("job-progress");
  await expect(progress).toHaveAttribute("data-status", "running", { timeout: 30_000 });
  // Wait for finished chunks while others still wait.
  await expect(dialog.getByTestId("chunk-grid").locator('[data-status="done"]').first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(progress).toHaveAttribute("data-status", "running");
  const percent = Number(await dialog.getByRole("progressbar").getAttribute("aria-valuenow"));
  expect(percent).toBeGreaterThan(0);
  expect(percent).toBeLessThan(100);
  await expect(dialog.getByTestId("job-eta")).not.toBeEmpty();
  await screenshot(page, "upload-dialog-progress");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "upload-dialog-progress-phone");
  await page.setViewportSize({ width: 1366, height: 900 });

  // Cancel asks first, then shows "Cancelling…" until the job is cancelled.
  await dialog.getByTestId("cancel-job").click();
  const confirm = page.getByRole("alertdialog", { name: "Cancel this job?" });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Cancel job" }).click();
  await expect(confirm).toBeHidden();
  await expect(progress).toHaveAttribute("data-status", /cancelling|cancelled/);
  await expect(progress).toHaveAttribute("data-status", "cancelled", { timeout: 60_000 });
  await expect(dialog.getByTestId("job-outcome")).toContainText("refunded");

  // The job page: cancelled, credits refunded, finished sentences visible.
  await dialog.getByRole("link", { name: "Open results" }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("job-status").first()).toHaveAttribute("data-status", "cancelled");
  const reserved = await statNumber(page, "stat-reserved");
  const charged = await statNumber(page, "stat-charged");
  const refunded = await statNumber(page, "stat-refunded");
  expect(reserved).toBe(900);
  expect(refunded).toBeGreaterThan(0);
  expect(charged).toBeGreaterThan(0);
  expect(charged + refunded).toBe(reserved);
  await expect.poll(() => headerBalance(page)).toBe(startBalance - charged);

  const sentences = await statNumber(page, "stat-sentences");
  expect(sentences).toBeGreaterThan(0);
  const rows = page.getByTestId("sentences-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBe(Math.min(200, sentences));
});

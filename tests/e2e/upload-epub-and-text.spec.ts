// An EPUB and a Gutenberg text file through the upload dialog: the estimate
// counts sections of about 300 words, the book runs to its results, and the
// results' location column says "Section".
import { expect, homeFileInput, needsCorpus, scratchFile, signUp, test, uploadDialog } from "./fixtures";
import { gutenbergText, makeEpub } from "@/tests/fixtures/make-book-files";

needsCorpus();

for (const [name, bytes] of [
  ["madame-bovary.epub", () => makeEpub({ words: 2500 })],
  ["madame-bovary.txt", () => gutenbergText({ words: 2500 })],
] as const) {
  test(`a novel as ${name.split(".").pop()} runs from the dialog to its results`, async ({ page }) => {
    await signUp(page, name.replace(/\W/gu, ""));
    await homeFileInput(page).setInputFiles(scratchFile(name, bytes()));
    const dialog = uploadDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId("estimate")).toContainText("Sections (about 300 words each)");
    await expect(dialog.getByTestId("estimate-pages")).toHaveText(/^\d+$/);
    await dialog.getByTestId("start-job").click();
    await expect(dialog.getByTestId("job-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 120_000 });
    await dialog.getByRole("link", { name: "Open results" }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    const table = page.getByTestId("sentences-table");
    await expect(table).toBeVisible();
    await expect(table.locator("thead")).toContainText("Section");
    await expect(table).toContainText("Nous étions");
    await expect(table).not.toContainText("Gutenberg");
  });
}

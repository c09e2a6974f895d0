// A teacher corrects a finished book's results in the browser, keyboard
// first: edits a row (Enter, type, Enter; Esc cancels), is told when an edit
// goes over the word limit and keeps it anyway, splits a row at a word, joins
// it back, deletes the publisher's line and restores it, undoes the last
// change, filters the edited rows, loses a race between two tabs on one row
// (the stale tab is told, with the row's current text), and downloads an
// export that carries the corrections. The book is written straight to the
// database (finished-book.ts) so the spec needs no corpus.
import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { insertFinishedBook } from "./finished-book";
import { expect, signUp, test } from "./fixtures";

function row(page: Page, position: number, piece = 0): Locator {
  return page.locator(`[data-testid="sentence-row"][data-position="${position}"][data-piece="${piece}"]`);
}

async function editRow(page: Page, position: number, text: string) {
  await row(page, position).getByTestId("sentence-text").focus();
  await page.keyboard.press("Enter");
  const editor = row(page, position).getByTestId("row-editor");
  await expect(editor).toBeFocused();
  await editor.fill(text);
  await page.keyboard.press("Enter");
}

test("a teacher corrects the results: edit, limit, split, join, delete, restore, undo, two tabs, export", async ({
  page,
  consoleGuard,
}) => {
  // The refused changes below (422 over the limit, 409 from the stale tab) are answers the page shows.
  consoleGuard.allow(/status of 4(09|22)/);
  const email = await signUp(page, "teacher");
  const jobId = await insertFinishedBook(email);
  await page.goto(`/jobs/${jobId}`);
  await expect(row(page, 4).getByTestId("sentence-text")).toContainText("Elle soupira.");

  // Esc cancels: nothing is saved.
  await row(page, 4).getByTestId("sentence-text").focus();
  await page.keyboard.press("Enter");
  await row(page, 4).getByTestId("row-editor").fill("Elle pleura.");
  await page.keyboard.press("Escape");
  await expect(row(page, 4).getByTestId("row-editor")).toHaveCount(0);
  await expect(row(page, 4).getByTestId("edited-mark")).toHaveCount(0);

  // Enter saves: the row shows the edit and its mark.
  await editRow(page, 4, "Elle soupira longuement.");
  await expect(row(page, 4).getByTestId("edited-mark")).toBeVisible();
  await expect(row(page, 4).getByTestId("sentence-text")).toContainText("Elle soupira longuement.");

  // Over the limit: refused with the counts, then kept on purpose and marked.
  await editRow(page, 4, "Elle soupira longuement devant la fenêtre ouverte du salon.");
  await expect(row(page, 4).getByTestId("correction-problem")).toContainText("limit is 8");
  await row(page, 4).getByTestId("keep-over-limit").click();
  await expect(row(page, 4).getByTestId("over-limit-mark")).toBeVisible();

  // Split row 2 before its third word, then join the two pieces again.
  await row(page, 2).getByRole("button", { name: "Split row 2" }).click();
  await row(page, 2).getByTestId("split-before").nth(1).click();
  await expect(row(page, 2, 1).getByTestId("sentence-text")).toContainText("pendant ce temps-là.");
  await expect(row(page, 2, 0).getByTestId("sentence-text")).toContainText("Charles dormait");
  await row(page, 2, 0).getByRole("button", { name: "Join row 2 with the next row" }).click();
  await expect(row(page, 2, 1)).toHaveCount(0);
  await expect(row(page, 2, 0).getByTestId("sentence-text")).toContainText("Charles dormait pendant ce temps-là.");

  // Delete the publisher's line, restore it, delete it again.
  await row(page, 3).getByRole("button", { name: "Delete row 3" }).click();
  await expect(row(page, 3).getByTestId("deleted-mark")).toBeVisible();
  await row(page, 3).getByRole("button", { name: "Restore row 3" }).click();
  await expect(row(page, 3).getByTestId("deleted-mark")).toHaveCount(0);
  await row(page, 3).getByRole("button", { name: "Delete row 3" }).click();
  await expect(row(page, 3).getByTestId("deleted-mark")).toBeVisible();

  // Undo the last change (the second delete) and do it again by hand.
  await page.getByTestId("undo").click();
  await expect(row(page, 3).getByTestId("deleted-mark")).toHaveCount(0);
  await row(page, 3).getByRole("button", { name: "Delete row 3" }).click();
  await expect(row(page, 3).getByTestId("deleted-mark")).toBeVisible();

  // Edited rows only.
  await page.getByTestId("edited-only").check();
  await expect(page.getByTestId("sentence-row")).toHaveCount(3);
  await expect(row(page, 1)).toHaveCount(0);
  await page.getByTestId("edited-only").uncheck();
  await expect(row(page, 1)).toHaveCount(1);

  // Two tabs race on row 1: the second save is refused and shows the row as it is now.
  const second = await page.context().newPage();
  consoleGuard.watch(second);
  await second.goto(`/jobs/${jobId}`);
  await expect(row(second, 1).getByTestId("sentence-text")).toContainText("Emma rêvait de Paris.");
  await editRow(page, 1, "Emma rêvait de Rouen.");
  await expect(row(page, 1).getByTestId("edited-mark")).toBeVisible();
  await editRow(second, 1, "Emma rêvait de Londres.");
  await expect(row(second, 1).getByTestId("correction-problem")).toContainText("changed in another tab");
  await expect(row(second, 1).getByTestId("correction-problem")).toContainText("Emma rêvait de Rouen.");
  await expect(row(second, 1).getByTestId("sentence-text")).toContainText("Emma rêvait de Rouen.");
  await second.close();

  // The export the page offers carries the corrections; the engine's version does not.
  await page.reload();
  const download = async () => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    return readFileSync((await file.path())!, "utf8");
  };
  const csv = await download();
  expect(csv).toContain("Emma rêvait de Rouen.");
  expect(csv).toContain("Charles dormait pendant ce temps-là.");
  expect(csv).toContain("Elle soupira longuement devant la fenêtre ouverte du salon.");
  expect(csv).not.toContain("Éditions du Rocher");
  await page.getByTestId("export-engine-version").check();
  const engine = await download();
  expect(engine).toContain("Éditions du Rocher");
  expect(engine).not.toContain("Rouen");
});

// axe-core finds no WCAG 2.x A or AA violation in the reader's system theme,
// light or dark (prefers-color-scheme, emulated by Chromium): the sign-in
// page, the upload page, the history and a finished book's results page
// with corrections on it (edited, deleted and over-the-limit rows, the row
// editor open, the split picker open). axe-core runs in the page through
// Playwright's evaluate (the DevTools protocol), which the pages' strict
// Content-Security-Policy does not apply to.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { insertFinishedBook } from "./finished-book";
import { expect, signUp, test } from "./fixtures";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  // After a client-side navigation Next.js streams the new page's <title> in
  // a moment after its body: wait for it, or axe may read the head in between
  // (a page that never gets a title still fails here).
  await expect(page).toHaveTitle(/\S/);
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations;
  }, wcagTags);
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${violation.help} @ ${node.target.join(" ")} — ${node.failureSummary ?? ""}`),
  );
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`no WCAG A/AA violation in the ${colorScheme} theme`, async ({ page, consoleGuard }) => {
    consoleGuard.allow(/status of 422/);
    await page.emulateMedia({ colorScheme });
    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    expect(await axeViolations(page), "sign-in").toEqual([]);

    const email = await signUp(page, `axe-${colorScheme}`);
    expect(await axeViolations(page), "upload page").toEqual([]);

    const jobId = await insertFinishedBook(email);
    const api = (path: string, data: object) => page.request.post(`/api/jobs/${jobId}/sentences/${path}`, { data });
    await page.request.patch(`/api/jobs/${jobId}/sentences/4`, { data: { text: "Elle soupira longuement devant la fenêtre ouverte du salon.", version: 0, override: true } });
    await api("3/delete", { version: 0 });
    await api("1/split", { version: 0, at: 2 });

    await page.goto("/jobs");
    await expect(page.getByText("Madame Bovary.pdf").first()).toBeVisible();
    expect(await axeViolations(page), "history").toEqual([]);

    await page.goto(`/jobs/${jobId}`);
    await expect(page.getByTestId("edited-mark").first()).toBeVisible();
    expect(await axeViolations(page), "results with corrections").toEqual([]);

    // The editor open, with an edit over the limit refused and explained.
    const row2 = page.locator('[data-testid="sentence-row"][data-position="2"]');
    await row2.getByTestId("sentence-text").focus();
    await page.keyboard.press("Enter");
    await row2.getByTestId("row-editor").fill("Charles dormait pendant ce temps-là dans la chambre bleue.");
    await page.keyboard.press("Enter");
    await expect(row2.getByTestId("correction-problem")).toBeVisible();
    await row2.getByTestId("sentence-text").or(row2.getByTestId("row-editor")).first().focus();
    expect(await axeViolations(page), "results, editor and refusal").toEqual([]);
    await page.keyboard.press("Escape");

    await row2.getByRole("button", { name: "Split row 2" }).click();
    await expect(row2.getByTestId("split-before").first()).toBeVisible();
    expect(await axeViolations(page), "results, split picker").toEqual([]);
  });
}

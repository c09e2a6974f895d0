// An administrator supports a reader from the admin page: finds the account by
// email, adds credits with a reason and sees the ledger row, then retries the
// reader's book that failed (the fake Gemini refused every attempt with a 400)
// and the book finishes.
import pg from "pg";
import { expect, needsCorpus, novelPdf, signIn, signUp, startJobByApi, test, waitForJobStatus } from "./fixtures";

needsCorpus();

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is unset: run this spec through the e2e global setup`);
  return value;
}

async function setGeminiFaults(faults: string[]) {
  const response = await fetch(`${required("E2E_FAKE_GEMINI_URL")}/_control/faults`, {
    method: "POST",
    body: JSON.stringify({ faults }),
  });
  expect(response.status).toBe(204);
}

async function promoteToAdmin(email: string) {
  const client = new pg.Client({ connectionString: required("E2E_DATABASE_URL") });
  await client.connect();
  try {
    await client.query(`update "User" set role = 'admin' where email = $1`, [email]);
  } finally {
    await client.end();
  }
}

test("an admin adjusts a reader's credits and retries the reader's failed book", async ({ page, browser }) => {
  const book = await novelPdf({ name: "bovary-admin.pdf", corpus: "bovary", words: 2500, pages: 6, title: "Madame Bovary" });

  // The reader's book fails: every attempt of its one chunk gets a 400 (not retried by the engine).
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  const readerEmail = await signUp(reader, "supported");
  await setGeminiFaults(["400", "400", "400", "400", "400", "400"]);
  const jobId = await startJobByApi(reader, book, { engine: "gemini" });
  await waitForJobStatus(reader, jobId, /^failed$/);
  await setGeminiFaults([]);

  // The admin signs in again after the promotion, so the session carries the role.
  const adminEmail = await signUp(page, "support-admin");
  await promoteToAdmin(adminEmail);
  await page.context().clearCookies();
  await signIn(page, adminEmail);

  await page.goto("/admin");
  const tools = page.getByTestId("account-tools");
  await tools.getByLabel("Account email").fill(readerEmail);
  await tools.getByRole("button", { name: "Find account" }).click();
  const balance = tools.getByTestId("account-balance");
  await expect(balance).toHaveText(/^[\d,]+$/);
  const before = Number((await balance.textContent())!.replace(/,/g, ""));

  await tools.getByLabel("Credits to add (negative to remove)").fill("75");
  await tools.getByLabel("Reason (written to the ledger)").fill("Goodwill for the failed book");
  await tools.getByRole("button", { name: "Adjust credits" }).click();
  // Balances are shown with thousands separators ("1,075").
  const after = (before + 75).toLocaleString("en-US");
  await expect(tools.getByText(`The balance is now ${after} credits`)).toBeVisible();
  await expect(balance).toHaveText(after);
  const ledgerRow = tools.getByTestId("account-ledger").getByRole("row").filter({ hasText: "Goodwill for the failed book" });
  await expect(ledgerRow).toContainText("adjust");
  await expect(ledgerRow).toContainText("+75");
  await expect(ledgerRow).toContainText(`adjusted by ${adminEmail}`);

  // The reader sees the same row on their own credits page.
  await reader.goto("/credits");
  await expect(reader.getByText("Goodwill for the failed book")).toBeVisible();

  const jobRow = tools.getByTestId("account-jobs").locator(`tr[data-job-id="${jobId}"]`);
  await expect(jobRow).toContainText("Failed");
  await jobRow.getByRole("button", { name: "Retry failed pages" }).click();
  await waitForJobStatus(page, jobId, /^succeeded$/);
  await tools.getByRole("button", { name: "Find account" }).click();
  // The status badge calls a succeeded book "Done" (jobStatusLabels).
  await expect(jobRow).toContainText("Done");
  await expect(jobRow.getByRole("button", { name: "Retry failed pages" })).toHaveCount(0);

  await readerContext.close();
});

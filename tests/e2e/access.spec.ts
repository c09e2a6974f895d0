// Spec 5: one reader cannot see another's job — the page answers 404 and so
// does the API — and signed-out visitors are sent to sign in.
import {
  PASSWORD,
  expect,
  needsCorpus,
  novelPdf,
  signIn,
  signUp,
  startJobByApi,
  test,
  waitForJobStatus,
  watchConsole,
} from "./fixtures";

needsCorpus();

test("a job page is private to its owner", async ({ page, browser, baseURL, consoleGuard }) => {
  const book = await novelPdf({ name: "swann-extrait.pdf", corpus: "swann", words: 2500, pages: 8, title: "Swann" });
  const ownerEmail = await signUp(page, "owner");
  const jobId = await startJobByApi(page, book);
  await waitForJobStatus(page, jobId, /^succeeded$/);
  const own = await page.goto(`/jobs/${jobId}`);
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(book.name);

  // Another reader, in their own browser context.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  consoleGuard.watch(otherPage);
  consoleGuard.allow(/Failed to load resource: the server responded with a status of 404/);
  await signUp(otherPage, "intruder");
  const response = await otherPage.goto(`/jobs/${jobId}`);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByTestId("not-found")).toBeVisible();
  await expect(otherPage.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(otherPage.getByText(book.name)).toHaveCount(0);

  const api = await otherPage.request.get(`/api/jobs/${jobId}`);
  expect(api.status()).toBe(404);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("not_found");
  expect((await otherPage.request.get(`/api/jobs/${jobId}/sentences`)).status()).toBe(404);
  expect((await otherPage.request.get(`/api/jobs/${jobId}/export?format=csv`)).status()).toBe(404);

  await otherPage.goto("/jobs");
  await expect(otherPage.getByText("No books yet")).toBeVisible();
  await other.close();

  // Signed out: every app page sends you to sign in.
  const anonymous = await browser.newContext({ baseURL });
  const anonymousPage = await anonymous.newPage();
  const errors: string[] = [];
  watchConsole(anonymousPage, errors);
  await anonymousPage.goto(`/jobs/${jobId}`);
  await expect(anonymousPage).toHaveURL(/\/sign-in/);
  await expect(anonymousPage.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(anonymousPage.getByRole("link", { name: "Create an account" })).toBeVisible();
  expect(errors).toEqual([]);
  await anonymous.close();

  // The owner signs out, is refused with a wrong password, signs in and sees the job again.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
  consoleGuard.allow(/Failed to load resource: the server responded with a status of 401/);
  await page.getByLabel("Email").fill(ownerEmail);
  await page.getByLabel("Password").fill(`${PASSWORD}-wrong`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not right" })).toHaveText(
    "The email or password is not right. Try again.",
  );
  await signIn(page, ownerEmail);
  expect((await page.goto(`/jobs/${jobId}`))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(book.name);
  await expect(page).toHaveTitle(`${book.name} · Phrases courtes`);
});

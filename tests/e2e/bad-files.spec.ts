// Spec 4: a file that is not a PDF, an oversized PDF and a file that only
// pretends to be a PDF each get a clear message, and nothing is charged.
import { expect, headerBalance, homeFileInput, scratchFile, screenshot, signUp, test, uploadDialog } from "./fixtures";

test("wrong files are refused with a clear message and cost nothing", async ({ page, consoleGuard }) => {
  await signUp(page, "badfiles");
  const startBalance = await headerBalance(page);
  const jobPosts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname.startsWith("/api/jobs"))
      jobPosts.push(request.url());
  });
  const dialog = uploadDialog(page);

  // Not a book file: refused in the browser, nothing uploaded.
  await homeFileInput(page).setInputFiles({
    name: "notes-de-lecture.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from("PK\u0003\u0004 Longtemps, je me suis couché de bonne heure."),
  });
  await expect(dialog.getByTestId("upload-error")).toHaveText(
    "“notes-de-lecture.docx” is not a PDF, an EPUB or a text file. Choose the novel as .pdf, .epub or .txt.",
  );
  expect(jobPosts).toEqual([]);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  // Too large: refused in the browser, nothing uploaded.
  const huge = scratchFile(
    "grand-livre.pdf",
    Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(51 * 1024 * 1024, 32)]),
  );
  await homeFileInput(page).setInputFiles(huge);
  await expect(dialog.getByTestId("upload-error")).toContainText("over the 50 MB limit");
  expect(jobPosts).toEqual([]);

  // The same dialog accepts another try: an image named .pdf passes the
  // browser check, and the server's refusal (by content) is shown as is.
  consoleGuard.allow(/Failed to load resource: the server responded with a status of (415|422)/);
  await dialog.getByLabel("Choose a book").setInputFiles({
    name: "faux-roman.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  });
  await expect(dialog.getByTestId("upload-error")).toContainText(/PDF/);
  await screenshot(page, "upload-dialog-refused");
  await expect(dialog.getByTestId("start-job")).toHaveCount(0);
  expect(jobPosts.every((url) => url.endsWith("/api/jobs/estimate"))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Nothing was charged and no job exists.
  expect(await headerBalance(page)).toBe(startBalance);
  const jobs = (await (await page.request.get("/api/jobs")).json()) as { jobs: unknown[] };
  expect(jobs.jobs).toEqual([]);
  await page.goto("/credits");
  await expect(page.getByTestId("credits-balance")).toHaveText(startBalance.toLocaleString("en-US"));
  const kinds = await page
    .getByTestId("ledger-table")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-kind")));
  expect(kinds).toEqual(["grant"]);
});

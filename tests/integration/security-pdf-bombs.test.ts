// Decompression bombs against the real upload gate and the real worker
// (Postgres, pg-boss, the pipeline's handlers). Page 1 of each bomb has
// text, which is all the upload inspection samples; page 2 unpacks to
// 256 MB, past PDF_MAX_INFLATED_MB (200). The gate refuses every variant
// whatever the page, and a bomb that reached storage anyway (uploaded
// before the guard knew it) fails its own chunk in the worker (the book is
// checked again before pdf-lib parses it, and each chunk in the reading
// thread), refunded, while the same worker goes on with other books.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bombKinds, makeBombPdf } from "@/tests/fixtures/make-bomb-pdfs";
import { createFundedUser, ledgerSum, startPipeline, stopPipeline, waitForJob, type Lib } from "@/tests/support/pipeline-harness";

let lib: Lib;

beforeAll(async () => {
  lib = await startPipeline({});
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
});

describe("decompression bombs", () => {
  it.each(bombKinds)("the upload gate refuses a %s bomb on page 2 and stores nothing", async (kind) => {
    const user = await createFundedUser(lib, 1000);
    const bomb = makeBombPdf(kind, 256);
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const error = await lib
      .createJob({ userId: user.id, fileName: "bombe.pdf", bytes: bomb, maxWords: 8, engine: "local" })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "pdf_invalid", message: expect.stringMatching(/unpacks to more than 200 MB/) });
    expect(await lib.db().document.count({ where: { userId: user.id } })).toBe(0);
    expect(await ledgerSum(lib, user.id)).toBe(1000);
  });

  it("fails a stored bomb's chunk in the worker, refunds it, and the worker reads the next book", async () => {
    const user = await createFundedUser(lib, 1000);
    // The stored document is the bomb; the upload that uses it is an ordinary
    // two-page book with the same hash key, as if the bomb had been stored
    // before the guard knew this kind.
    const book = makeBombPdf("chain", 0);
    const bomb = makeBombPdf("chain", 256);
    await lib.db().document.create({
      data: {
        userId: user.id,
        fileName: "bombe.pdf",
        sha256: createHash("sha256").update(book).digest("hex"),
        byteSize: bomb.byteLength,
        pageCount: 2,
        hasText: true,
        bytes: Buffer.from(bomb),
      },
    });
    const poisoned = await lib.createJob({ userId: user.id, fileName: "bombe.pdf", bytes: book, maxWords: 8, engine: "local" });
    const failed = await waitForJob(lib, poisoned.id);
    expect(failed.status).toBe("failed");
    const chunks = await lib.db().chunk.findMany({ where: { jobId: poisoned.id } });
    expect(chunks.map((chunk) => chunk.status)).toEqual(["failed"]);
    expect(chunks[0]!.error).toMatch(/unpacks to more than 200 MB/);
    // Failed for good at once: the same bytes would fail every attempt.
    expect(chunks[0]!.attempts).toBe(1);
    expect(failed.creditsReserved).toBeGreaterThan(0);
    expect(failed.creditsCharged).toBe(0);
    expect(failed.creditsRefunded).toBe(failed.creditsReserved);
    const ledger = await lib.db().creditLedger.findMany({ where: { jobId: poisoned.id }, select: { amount: true } });
    expect(ledger.reduce((sum, row) => sum + row.amount, 0)).toBe(0);

    // The same worker, its pool included, reads an ordinary book next.
    const other = await createFundedUser(lib, 1000);
    const next = await lib.createJob({ userId: other.id, fileName: "livre.pdf", bytes: book, maxWords: 8, engine: "local" });
    const done = await waitForJob(lib, next.id);
    expect(done.status).toBe("succeeded");
    const rows = await lib.db().sentence.findMany({ where: { jobId: next.id }, orderBy: { position: "asc" } });
    expect(rows.map((row) => row.page)).toEqual(expect.arrayContaining([1, 2]));
  });
});

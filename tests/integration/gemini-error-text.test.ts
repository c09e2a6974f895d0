// What a user reads when Gemini fails: the job's and the chunk's error are
// the product's sentence for the kind of failure, never the provider's own
// text (which can name keys, quotas, projects or URLs); that text goes to the
// worker's log only. The real @google/genai client against the fake Gemini
// server, which answers every call with an error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineErrorSentences } from "@/lib/engines/engine-error";
import type { FakeFaultKind } from "@/tests/support/fake-gemini-server";
import type { FakeGemini } from "@/tests/support/fake-gemini-server";
import { createFundedUser, miserablesPdf, startGeminiPipeline, stopPipeline, waitForJob, type Lib } from "@/tests/support/pipeline-harness";

let lib: Lib;
let gemini: FakeGemini;
let book: Uint8Array;

beforeAll(async () => {
  ({ lib, gemini } = await startGeminiPipeline({
    latencyMs: 5,
    env: {
      CHUNK_RETRY_LIMIT: "1",
    },
  }));
  book = await miserablesPdf({ words: 2000, pages: 5 });
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
  await gemini?.close();
});

// Each fake fault's provider text, and the sentence the user gets instead.
const cases: { fault: FakeFaultKind; providerText: RegExp; sentence: string }[] = [
  { fault: "403", providerText: /leaked|PERMISSION_DENIED|403/, sentence: engineErrorSentences.access },
  { fault: "400", providerText: /payload size|INVALID_ARGUMENT|400/, sentence: engineErrorSentences.rejected },
  { fault: "500", providerText: /internal error|troubleshooting|INTERNAL|500/, sentence: engineErrorSentences.unavailable },
  { fault: "garbage", providerText: /schema|JSON|root/, sentence: engineErrorSentences.unusable },
];

describe("Gemini errors as users read them", () => {
  for (const { fault, providerText, sentence } of cases) {
    it(`a ${fault} gives the job the sentence for its kind, without the provider's text`, async () => {
      gemini.setFaultRate(1, [fault]);
      const user = await createFundedUser(lib, 1000);
      const job = await lib.createJob({ userId: user.id, fileName: `Erreur ${fault}.pdf`, bytes: book, engine: "gemini" });
      const closed = await waitForJob(lib, job.id, 60_000);

      expect(closed.status).toBe("failed");
      expect(closed.error).not.toMatch(providerText);
      expect(closed.error).not.toMatch(/Gemini answered|Last error/);
      expect(closed.error).toContain(sentence);
      const chunks = await lib.db().chunk.findMany({ where: { jobId: job.id } });
      expect(chunks.length).toBeGreaterThan(0);
      for (const chunk of chunks) {
        expect(chunk.status).toBe("failed");
        expect(chunk.error).toBe(sentence);
      }
    });
  }
});

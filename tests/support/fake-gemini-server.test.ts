import { afterEach, describe, expect, it, vi } from "vitest";
import { makeNovelPdf } from "@/tests/fixtures/make-novel-pdf";
import { countWords, listWords } from "@/lib/text/count-words";
import { startFakeGemini, type FakeGemini } from "@/tests/support/fake-gemini-server";

let fake: FakeGemini | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const text =
  "Nous étions à l'Étude, quand le Proviseur entra, suivi d'un nouveau habillé en bourgeois et d'un garçon de classe qui portait un grand pupitre. Ceux qui dormaient se réveillèrent.";

async function generate(url: string, body: unknown, key = "test-key"): Promise<Response> {
  return fetch(`${url}/v1beta/models/gemini-2.5-flash:generateContent`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-goog-api-key": key },
    body: JSON.stringify(body),
  });
}

/** Resolves once `condition` holds, checked between turns of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

async function requestFor(pages: string[]) {
  const pdf = await makeNovelPdf({ text: pages.join("\n\n") });
  return {
    contents: [
      {
        role: "user",
        parts: [
          {
            inlineData: { mimeType: "application/pdf", data: Buffer.from(pdf).toString("base64") },
          },
          {
            text: "The PDF's page 1 is page 7 of the book. Rewrite as sentences of at most 6 words each.",
          },
        ],
      },
    ],
    generationConfig: { responseMimeType: "application/json" },
  };
}

describe("fake Gemini server", () => {
  it("answers generateContent in the API's shape, from the PDF it was sent", async () => {
    fake = await startFakeGemini();
    const response = await generate(fake.url, await requestFor([text]));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      candidates: Array<{ content: { parts: Array<{ text: string }> }; finishReason: string }>;
      usageMetadata: { promptTokenCount: number; candidatesTokenCount: number };
    };
    expect(body.candidates[0]!.finishReason).toBe("STOP");
    const answer = JSON.parse(body.candidates[0]!.content.parts[0]!.text) as {
      sentences: Array<{ page: number; original: string; rewritten: string[] }>;
    };
    expect(answer.sentences.map((sentence) => sentence.original)).toEqual([
      "Nous étions à l'Étude, quand le Proviseur entra, suivi d'un nouveau habillé en bourgeois et d'un garçon de classe qui portait un grand pupitre.",
      "Ceux qui dormaient se réveillèrent.",
    ]);
    expect(answer.sentences.every((sentence) => sentence.page === 7)).toBe(true);
    expect(answer.sentences[0]!.rewritten.length).toBeGreaterThan(3);
    expect(body.usageMetadata.promptTokenCount).toBeGreaterThan(258);
    expect(fake.calls).toBe(1);
  });

  it("rejects calls the real API rejects", async () => {
    fake = await startFakeGemini({ apiKey: "test-key" });
    expect((await generate(fake.url, await requestFor([text]), "")).status).toBe(403);
    const wrongKey = await generate(fake.url, await requestFor([text]), "other");
    expect(wrongKey.status).toBe(400);
    expect(await wrongKey.json()).toMatchObject({
      error: { status: "INVALID_ARGUMENT", details: [{ reason: "API_KEY_INVALID" }] },
    });
    expect(
      (await generate(fake.url, { contents: [{ parts: [{ text: "bonjour" }] }] })).status,
    ).toBe(400);
    expect((await fetch(`${fake.url}/v1beta/models`)).status).toBe(404);
  });

  it("serves queued faults in order, then recovers", async () => {
    fake = await startFakeGemini({ faults: [{ kind: "429", retryDelayMs: 1500 }, "500"] });
    const request = await requestFor([text]);
    const limited = await generate(fake.url, request);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({
      error: {
        status: "RESOURCE_EXHAUSTED",
        details: [
          {},
          { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "1.500s" },
        ],
      },
    });
    expect((await generate(fake.url, request)).status).toBe(500);
    expect((await generate(fake.url, request)).status).toBe(200);
  });

  it("adds the configured latency to every answer", async () => {
    fake = await startFakeGemini({ latencyMs: 300 });
    const server = fake;
    const request = await requestFor([text]);
    // Only setTimeout is faked: the answer waits for 300 ms of the fake clock.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      let settled = false;
      const answered = generate(server.url, request).finally(() => (settled = true));
      await until(() => server.calls === 1);
      await vi.advanceTimersByTimeAsync(299);
      for (let turn = 0; turn < 10; turn++) await new Promise((resolve) => setImmediate(resolve));
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      vi.useRealTimers();
      expect((await answered).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it("closes promptly even with a request hanging", async () => {
    fake = await startFakeGemini({ faults: ["hang"] });
    const server = fake;
    const hanging = generate(server.url, await requestFor([text])).catch((error: unknown) => error);
    await until(() => server.calls === 1);
    // close() does not wait for the hanging request (the test's timeout would catch it): it drops the socket.
    await server.close();
    fake = undefined;
    expect(await hanging).toBeInstanceOf(Error);
  });

  describe("rewrite requests", () => {
    const rewriteBody = (sentences: Array<{ id: string; text: string }>, schema = true) => ({
      systemInstruction: { parts: [{ text: "Rewrite the sentences." }] },
      contents: [
        {
          role: "user",
          parts: [{ text: JSON.stringify({ maxWords: 6, sentences }) }],
        },
      ],
      generationConfig: {
        responseMimeType: "application/json",
        ...(schema ? { responseSchema: { type: "OBJECT" } } : {}),
      },
    });
    const answerOf = async (response: Response) => {
      const body = (await response.json()) as {
        candidates: Array<{ content: { parts: Array<{ text: string }> } }>;
        usageMetadata: {
          promptTokenCount: number;
          candidatesTokenCount: number;
        };
      };
      return {
        rewrites: (
          JSON.parse(body.candidates[0]!.content.parts[0]!.text) as {
            rewrites: Array<{ id: string; pieces: string[] }>;
          }
        ).rewrites,
        usage: body.usageMetadata,
      };
    };

    it("answers each id with complete pieces within the limit that keep every word", async () => {
      fake = await startFakeGemini();
      const response = await generate(fake.url, rewriteBody([{ id: "a", text }]));
      expect(response.status).toBe(200);
      const { rewrites, usage } = await answerOf(response);
      expect(rewrites.map((rewrite) => rewrite.id)).toEqual(["a"]);
      const pieces = rewrites[0]!.pieces;
      expect(pieces.length).toBeGreaterThan(3);
      for (const piece of pieces) {
        expect(countWords(piece)).toBeLessThanOrEqual(6);
        expect(piece).toMatch(/^\P{L}*\p{Lu}.*[.!?…]$/u);
      }
      const lower = (words: string[]) =>
        words.map((word) => word.toLowerCase().replace(/[.,]/gu, ""));
      expect(lower(listWords(pieces.join(" ")))).toEqual(lower(listWords(text)));
      expect(usage.promptTokenCount).toBeGreaterThan(text.length / 8);
      expect(usage.candidatesTokenCount).toBeGreaterThan(text.length / 8);
      expect(fake.requests[0]).toMatchObject({
        format: "rewrite",
        ids: ["a"],
        maxWords: 6,
      });
    });

    it("rejects a rewrite request without a response schema or with malformed sentences", async () => {
      fake = await startFakeGemini();
      expect((await generate(fake.url, rewriteBody([{ id: "a", text }], false))).status).toBe(400);
      const malformed = await generate(fake.url, rewriteBody([{ id: 1, text } as never]));
      expect(malformed.status).toBe(400);
    });

    it("spoils the sentences a test marks, by id or by word", async () => {
      fake = await startFakeGemini({
        sabotage: { byId: { a: "omit" }, byWord: { pupitre: "overlong" } },
      });
      const response = await generate(
        fake.url,
        rewriteBody([
          { id: "a", text },
          { id: "b", text },
          {
            id: "c",
            text: "Ceux qui dormaient se réveillèrent, et chacun se leva comme surpris.",
          },
        ]),
      );
      const { rewrites } = await answerOf(response);
      expect(rewrites.map((rewrite) => rewrite.id)).toEqual(["b", "c"]);
      expect(rewrites[0]!.pieces).toEqual([text]);
      expect(fake.requests[0]!.sabotaged).toEqual({ a: "omit", b: "overlong" });
    });
  });
});

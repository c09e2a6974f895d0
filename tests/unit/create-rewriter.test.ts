import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { createOcr, createRewriter } from "@/lib/engines/create-rewriter";
import { buildRewriteRequest } from "@/lib/engines/rewrite-prompt";

describe("createRewriter", () => {
  it("gives the local rewriter without any configuration, and Gemini's with a key", () => {
    expect(createRewriter("local", parseEnv({})).name).toBe("local");
    const env = parseEnv({ GEMINI_API_KEY: "key", GEMINI_BASE_URL: "http://127.0.0.1:9" });
    expect(createRewriter("gemini", env).name).toBe("gemini");
    expect(typeof createOcr(env)).toBe("function");
  });

  it("refuses Gemini on a server without a key, saying so", () => {
    const refused = expect.objectContaining({
      code: "invalid_input",
      message: expect.stringMatching(/^Gemini is not configured on this server/u),
    });
    expect(() => createRewriter("gemini", parseEnv({}))).toThrow(refused);
    expect(() => createOcr(parseEnv({}))).toThrow(refused);
  });

  it("validates the rewriting settings once, naming the bad one", () => {
    expect(parseEnv({})).toMatchObject({
      GEMINI_BATCH_TOKENS: 4000,
      GEMINI_TEMPERATURE: 0,
      REWRITE_MIN_CONTENT_SHARE: 0.75,
    });
    expect(() => parseEnv({ REWRITE_MIN_CONTENT_SHARE: "1.5" })).toThrow(
      /REWRITE_MIN_CONTENT_SHARE/u,
    );
  });
});

describe("the rewrite request", () => {
  it("holds the contract's JSON and sends a neighbour as context only when it is not asked too", () => {
    const sentences = [
      { id: "s1", text: "Emma ouvrit la fenêtre et regarda longtemps la campagne endormie." },
      { id: "s2", text: "Elle pensait à Léon, qui était parti pour Paris depuis trois mois." },
    ];
    const context = new Map([
      ["s1", { before: "Charles dormait.", after: sentences[1]!.text }],
      ["s2", { before: sentences[0]!.text, after: "Le jour se levait." }],
    ]);
    const problems = new Map([["s2", 'invented: the name "Gontran" is not in the sentence']]);
    expect(JSON.parse(buildRewriteRequest({ sentences, context, maxWords: 8, problems }))).toEqual({
      maxWords: 8,
      sentences,
      context: [
        { id: "s1", before: "Charles dormait." },
        { id: "s2", after: "Le jour se levait." },
      ],
      problems: [{ id: "s2", problem: problems.get("s2") }],
    });
  });
});

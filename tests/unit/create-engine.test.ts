import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { createEngine } from "@/lib/engines/create-engine";

describe("createEngine", () => {
  it("gives the local engine without any configuration", () => {
    expect(createEngine("local", parseEnv({})).name).toBe("local");
  });

  it("gives the Gemini engine when a key is configured", () => {
    const env = parseEnv({ GEMINI_API_KEY: "key", GEMINI_BASE_URL: "http://127.0.0.1:9" });
    expect(createEngine("gemini", env).name).toBe("gemini");
  });

  it("refuses Gemini on a server without a key, saying so", () => {
    expect(() => createEngine("gemini", parseEnv({}))).toThrow(
      expect.objectContaining({
        code: "invalid_input",
        message: expect.stringMatching(/^Gemini is not configured on this server/u),
      }),
    );
  });
});

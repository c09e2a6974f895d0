// Sign-up's per-email counter is not sign-in's: before, spending the
// allowance by signing up with someone's email locked that account out of
// signing in for 15 minutes. Real Postgres (the rate_limits table).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { throttleSignIn, throttleSignUp } from "@/lib/auth/throttle-sign-in";
import { startPipeline, stopPipeline, type Lib } from "@/tests/support/pipeline-harness";

let lib: Lib;

beforeAll(async () => {
  lib = await startPipeline(
    { SIGN_IN_ATTEMPTS_PER_ACCOUNT: "3", SIGN_UPS_PER_IP: "1000", SIGN_IN_ATTEMPTS_PER_IP: "1000", TRUSTED_PROXIES: "1" },
    { worker: false },
  );
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
});

const from = (address: string) => new Headers({ "x-forwarded-for": address });

describe("the per-email throttles", () => {
  it("keep sign-up's attempts off the account's sign-in allowance", async () => {
    const email = `victim-${Date.now()}@example.test`;
    for (let index = 0; index < 3; index++) {
      await throttleSignUp(new Request("http://localhost/api/users", { headers: from(`203.0.113.${index}`) }), email);
    }
    const fourth = await throttleSignUp(new Request("http://localhost/api/users", { headers: from("203.0.113.9") }), email).then(
      () => "accepted",
      (error) => error.message,
    );
    expect(fourth).toMatch(/Too many sign-ups with this email/);
    // The owner still signs in.
    await expect(throttleSignIn({ headers: from("198.51.100.1"), email })).resolves.toBeUndefined();
  });
});

// The one body reader every route uses: it counts the bytes as they stream
// and stops at the limit with 413, whatever Content-Length says.
import { describe, expect, it } from "vitest";
import { readCappedBody } from "@/lib/api/read-capped-body";
import { isAppError } from "@/lib/errors";

/** A body of `pieces` chunks of `size` bytes, recording how many were pulled and whether it was cancelled. */
function countedStream(pieces: number, size: number) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === pieces) return controller.close();
      state.pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/x", {
    method: "POST",
    body,
    headers,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isAppError(error) ? [error.code, error.status] : error).toEqual(["payload_too_large", 413]);
  return error as Error;
}

describe("readCappedBody", () => {
  it("returns a body within the limit", async () => {
    const bytes = await readCappedBody(post('{"a":1}'), { maxBytes: 16 });
    expect(new TextDecoder().decode(bytes)).toBe('{"a":1}');
    expect((await readCappedBody(post(null), { maxBytes: 16 })).byteLength).toBe(0);
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const { stream, state } = countedStream(100, 1024);
    const request = post(stream, { "content-length": String(100 * 1024) });
    const error = await refusal(readCappedBody(request, { maxBytes: 4096, message: "Too big for this route." }));
    expect(error.message).toBe("Too big for this route.");
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it("stops a body without Content-Length at the limit and cancels the rest", async () => {
    const { stream, state } = countedStream(1000, 1024);
    const error = await refusal(readCappedBody(post(stream), { maxBytes: 8 * 1024 }));
    expect(error.message).toMatch(/larger than 8 KB/);
    expect(state.pulled).toBeLessThan(20);
    expect(state.cancelled).toBe(true);
  });

  it("counts the bytes rather than believing a small Content-Length", async () => {
    const { stream, state } = countedStream(1000, 1024);
    await refusal(readCappedBody(post(stream, { "content-length": "10" }), { maxBytes: 8 * 1024 }));
    expect(state.pulled).toBeLessThan(20);
  });
});

// The Content-Security-Policy of every answer. Pages get a nonce of their own
// per request (proxy.ts): Next.js reads it from the request's policy and puts
// it on the scripts it writes (its inline bootstrap and its bundles), so no
// script runs unless the server wrote it into this very answer: no
// 'unsafe-inline' for scripts. 'strict-dynamic' lets those scripts load the
// page's other chunks. Answers that are not pages (API routes, static files)
// run no script and get the same policy without a nonce (next.config.mjs).
// Styles keep 'unsafe-inline': React writes style attributes, which a nonce
// cannot cover.

export function contentSecurityPolicy(options: { nonce?: string; dev: boolean }): string {
  const scripts = options.nonce ? ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'"] : ["'self'"];
  // React's development build evaluates code to rebuild server error stacks.
  if (options.dev) scripts.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' https://accounts.google.com",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

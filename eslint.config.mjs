import nextConfig from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Each layer's import restrictions. A file gets every restriction of every
// layer it belongs to in ONE `no-restricted-imports` entry, because ESLint
// keeps only the last entry of a rule when several config objects match.
const restrict = {
  // lib is shared by web and worker: it never reaches up into app, components or worker.
  libStaysDown: {
    group: ["@/app/*", "@/components/*", "@/worker/*"],
    message: "lib must not import app, components or worker",
  },
  // Code the worker runs must not depend on Next.js (server-only throws under plain Node).
  plainNode: {
    group: ["next", "next/*", "server-only"],
    message: "worker code runs under plain Node: no next/* or server-only",
  },
  // Browser code lives in lib/client and components; nothing on the server imports it.
  noBrowserCode: {
    group: ["@/lib/client/*", "@/components/*"],
    message: "server code must not import browser code (lib/client, components)",
  },
  // Browser code may import server modules' types, but at run time only
  // itself and the client-safe modules named here.
  clientSafeOnly: {
    regex: "^@/(worker|lib/(?!client/|jobs/job-states$|study-sets/study-set-states$|jobs/chunk-state-runs$|generated/prisma/enums$))",
    allowTypeImports: true,
    message:
      "browser code imports only lib/client, lib/jobs/job-states, lib/study-sets/study-set-states, lib/jobs/chunk-state-runs and Prisma's enums at run time; use `import type` for server types",
  },
};

const layer = (files, restrictions, ignores = []) => ({
  files,
  ignores,
  rules: {
    "no-restricted-imports": ["error", { patterns: restrictions.map((name) => restrict[name]) }],
  },
});

// The web-only parts of lib: route wrappers and next-auth. Everything else in
// lib is reachable from the worker or the CLI scripts.
const webOnlyLib = ["lib/api/**", "lib/auth/**"];

const config = [
  ...nextConfig,
  ...nextTypescript,
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "bench/out/**", "dist/**"] },
  layer(["lib/**/*.{ts,tsx}"], ["libStaysDown", "plainNode", "noBrowserCode"], [...webOnlyLib, "lib/client/**"]),
  layer(webOnlyLib.map((dir) => `${dir}/*.{ts,tsx}`), ["libStaysDown", "noBrowserCode"]),
  layer(["lib/client/**/*.{ts,tsx}"], ["libStaysDown", "clientSafeOnly"]),
  layer(["worker/**/*.ts"], ["plainNode", "noBrowserCode"]),
  layer(["app/api/**/*.ts", "scripts/**/*.ts"], ["noBrowserCode"]),
  layer(["components/**/*.{ts,tsx}"], ["clientSafeOnly"]),
];

export default config;

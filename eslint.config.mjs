import nextConfig from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const layering = (message, patterns) => ({
  "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }],
});

const config = [
  ...nextConfig,
  ...nextTypescript,
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "bench/out/**", "dist/**"] },
  // lib is shared by web and worker: it never reaches up into app, components or worker.
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: layering("lib must not import app, components or worker", [
      "@/app/*",
      "@/components/*",
      "@/worker/*",
    ]),
  },
  // Code the worker runs must not depend on Next.js.
  {
    files: ["worker/**/*.ts", "lib/pipeline/**/*.ts", "lib/engines/**/*.ts", "lib/pdf/**/*.ts", "lib/text/**/*.ts"],
    rules: layering("worker code runs under plain Node: no next/* or server-only", [
      "next",
      "next/*",
      "server-only",
    ]),
  },
];

export default config;

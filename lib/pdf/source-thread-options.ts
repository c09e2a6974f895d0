// How a PDF thread runs from the sources (npm start, the CLI, the tests): its
// TypeScript through tsx, and packages such as pdfjs loaded by Node as they
// are, as worker processes load them (scripts/load-packages-natively.ts).
// Through tsx's own transform, pdfjs cost a thread about 200 MB and a second
// of CPU more to load.
import path from "node:path";
import { pathToFileURL } from "node:url";

export function sourceThreadExecArgv(): string[] {
  const nativePackages = pathToFileURL(path.join(process.cwd(), "scripts/load-packages-natively.ts")).href;
  return ["--import", "tsx", "--import", nativePackages];
}

// The Docker files as data, for the tests that check them without a Docker
// engine: the Dockerfile's instructions per stage, the compose file with its
// anchors merged, .dockerignore as a matcher, and .ci/run's commands.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

const read = (file: string) => readFileSync(path.join(root, file), "utf8");

export interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile's instructions, grouped by stage (comments and line continuations resolved). */
export function dockerfileStages(): Instruction[][] {
  const lines = read("Dockerfile")
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const stages: Instruction[][] = [];
  for (const line of lines) {
    const [, keyword, args] = /^(\S+)\s+(.*)$/.exec(line)!;
    if (keyword!.toUpperCase() === "FROM") stages.push([]);
    stages.at(-1)!.push({ keyword: keyword!.toUpperCase(), args: args!.trim() });
  }
  return stages;
}

/** The commands .ci/run executes at its top level, in order. */
export function ciCommands(): string[] {
  return read(".ci/run")
    .split("\n")
    .filter((line) => /^\S/.test(line) && !line.startsWith("#") && !/^(set|cd|if|fi)\b/.test(line));
}

export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  restart?: string;
  mem_limit?: string;
  healthcheck?: { test: string[] };
}

/** docker-compose.yml, parsed with merge keys resolved (js-yaml comes with ESLint). */
export function composeServices(): Record<string, ComposeService> {
  const yaml = createRequire(import.meta.url)("js-yaml") as { load(text: string): unknown };
  return (yaml.load(read("docker-compose.yml")) as { services: Record<string, ComposeService> }).services;
}

/** Whether .dockerignore leaves `file` (a path relative to the root) out of the build context. */
export function dockerIgnores(): (file: string) => boolean {
  const rules = read(".dockerignore")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const negated = line.startsWith("!");
      const pattern = (negated ? line.slice(1) : line).replace(/^\/+|\/+$/g, "");
      const source = pattern
        .split("**")
        .map((part) => part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]"))
        .join(".*");
      return { negated, regex: new RegExp(`^${source}$`) };
    });
  return (file) => {
    // A pattern that matches a folder leaves out everything under it.
    const parts = file.split("/");
    const prefixes = parts.map((_, index) => parts.slice(0, index + 1).join("/"));
    let ignored = false;
    for (const rule of rules) if (prefixes.some((prefix) => rule.regex.test(prefix))) ignored = !rule.negated;
    return ignored;
  };
}

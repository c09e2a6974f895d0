// fr-compromise, loaded through require: its published types are TypeScript
// sources that do not compile under this project's strict settings, so the
// little of its API used here is typed below instead.

export interface TaggedTerm {
  text: string;
  normal: string;
  root?: string;
  tags: string[];
  offset: { start: number; length: number };
}

interface TaggedDocument {
  json(options: { offset: true }): { terms: TaggedTerm[] }[];
  compute(method: "root"): void;
}

type Tagger = (text: string) => TaggedDocument;

let tagger: Tagger | undefined;

export function loadTagger(): Tagger {
  // process.getBuiltinModule keeps the web bundler from rewriting this require.
  const { createRequire } = process.getBuiltinModule("node:module");
  tagger ??= createRequire(import.meta.url)("fr-compromise") as Tagger;
  return tagger;
}

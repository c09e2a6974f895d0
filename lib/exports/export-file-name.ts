// Download names built from the book's name: "Madame Bovary.pdf" →
// "madame-bovary-phrases.csv", and the sentences as the author wrote them
// alone (rows=kept) → "madame-bovary-phrases-intactes.csv", the engine's rows
// without the owner's corrections (source=engine) → "madame-bovary-phrases-moteur.csv". The header carries an ASCII fallback in
// `filename` and the accented name in RFC 5987 `filename*`, which every
// current browser prefers.
import type { ExportFormat, ExportRows, ExportSource } from "@/lib/validations/job";

function slugify(name: string, options: { ascii: boolean }): string {
  let base = name
    .normalize("NFC")
    .replace(/\.pdf$/i, "")
    .toLowerCase();
  if (options.ascii) {
    base = base
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae");
  }
  const pattern = options.ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu;
  const slug = base
    .replace(pattern, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "livre";
}

export function exportFileName(options: {
  fileName: string;
  format: ExportFormat;
  rows?: ExportRows;
  source?: ExportSource;
}): {
  ascii: string;
  unicode: string;
} {
  const suffix = `-phrases${options.rows === "kept" ? "-intactes" : ""}${options.source === "engine" ? "-moteur" : ""}.${options.format}`;
  return {
    ascii: slugify(options.fileName, { ascii: true }) + suffix,
    unicode: slugify(options.fileName, { ascii: false }) + suffix,
  };
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987 encoding). */
export function contentDisposition(names: { ascii: string; unicode: string }): string {
  const encoded = encodeURIComponent(names.unicode).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${names.ascii}"; filename*=UTF-8''${encoded}`;
}

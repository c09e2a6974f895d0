// The name a book is shown under: the uploaded file's name without any path
// or control characters, in NFC (macOS sends accents decomposed, which would
// otherwise defeat search and look different in exports).
export function cleanFileName(name: string): string {
  const base =
    name
      .split(/[\\/]/)
      .pop()
      ?.normalize("NFC")
      .replace(/[\u0000-\u001f\u007f]/g, "")
      .trim() ?? "";
  return (base || "book.pdf").slice(0, 200);
}

// Checks the browser can make before uploading anything: is it a book file
// (PDF, EPUB or plain text, by its name or type), is it within the size
// limit. The server decides by the content (magic bytes, container, encoding).
import { formatBytes } from "@/components/ui/format";

/** What the file picker offers: PDFs, EPUBs and plain-text files. */
export const bookFileAccept = "application/pdf,.pdf,application/epub+zip,.epub,text/plain,.txt";

const bookTypes = new Set(["application/pdf", "application/epub+zip", "text/plain"]);

export function checkPdfFile(file: File, maxMegabytes: number): string | null {
  const looksLikeBook = bookTypes.has(file.type) || /\.(pdf|epub|txt)$/i.test(file.name);
  if (!looksLikeBook) {
    return `“${file.name}” is not a PDF, an EPUB or a text file. Choose the novel as .pdf, .epub or .txt.`;
  }
  if (file.size === 0) {
    return `“${file.name}” is empty. Choose another file.`;
  }
  if (file.size > maxMegabytes * 1024 * 1024) {
    return `“${file.name}” is ${formatBytes(file.size)}, over the ${maxMegabytes} MB limit. Split the book or compress the file, then try again.`;
  }
  return null;
}

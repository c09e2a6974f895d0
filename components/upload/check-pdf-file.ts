// Checks the browser can make before uploading anything: is it a PDF, is it
// within the size limit. The server checks again (magic bytes, page count).
import { formatBytes } from "@/components/ui/format";

export function checkPdfFile(file: File, maxMegabytes: number): string | null {
  const looksLikePdf = file.type === "application/pdf" || /\.pdf$/i.test(file.name);
  if (!looksLikePdf) {
    return `“${file.name}” is not a PDF. Choose a PDF file (.pdf) of the novel.`;
  }
  if (file.size === 0) {
    return `“${file.name}” is empty. Choose another PDF.`;
  }
  if (file.size > maxMegabytes * 1024 * 1024) {
    return `“${file.name}” is ${formatBytes(file.size)}, over the ${maxMegabytes} MB limit. Split the book or compress the PDF, then try again.`;
  }
  return null;
}

// Recognizes a PDF by its header, as real readers do, and names the common
// files people upload by mistake so the error can say what was sent.

const encoder = new TextEncoder();
const pdfMagic = encoder.encode("%PDF-");
// PDF readers accept a header anywhere in the first 1024 bytes; only
// whitespace or a byte-order mark may come before it here.
const headerWindow = 1024;

function startsWith(bytes: Uint8Array, prefix: Uint8Array | number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  for (let index = 0; index < prefix.length; index++) {
    if (bytes[offset + index] !== prefix[index]) return false;
  }
  return true;
}

function isLeadingFiller(byte: number): boolean {
  // NUL, tab, LF, FF, CR, space, and the bytes of a UTF-8 BOM (EF BB BF).
  return [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20, 0xef, 0xbb, 0xbf].includes(byte);
}

/** Offset of "%PDF-" or -1 when the file does not start as a PDF. */
export function findPdfHeader(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length, headerWindow);
  for (let offset = 0; offset < limit; offset++) {
    if (startsWith(bytes, pdfMagic, offset)) return offset;
    if (!isLeadingFiller(bytes[offset]!)) return -1;
  }
  return -1;
}

function asciiWindow(bytes: Uint8Array, length: number): string {
  return new TextDecoder("latin1").decode(bytes.subarray(0, length));
}

/** What a file that is not a PDF looks like, for the error message ("This file is …, not a PDF."). */
export function describeNonPdf(bytes: Uint8Array): string {
  if (bytes.length === 0) return "an empty file";
  const head = asciiWindow(bytes, 2048);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (head.includes("mimetypeapplication/epub+zip")) return "an EPUB e-book (a ZIP archive)";
    if (head.includes("word/") || head.includes("[Content_Types].xml")) {
      return "a ZIP archive (for example a Word .docx file)";
    }
    return "a ZIP archive";
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return "an old Microsoft Office document (.doc)";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return "a PNG image";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "a JPEG image";
  if (head.startsWith("GIF8")) return "a GIF image";
  if (head.startsWith("II*\0") || head.startsWith("MM\0*")) return "a TIFF image";
  if (head.startsWith("AT&TFORM")) return "a DjVu document";
  if (head.startsWith("%!PS")) return "a PostScript file";
  if (head.startsWith("{\\rtf")) return "an RTF document";
  if (startsWith(bytes, [0x1f, 0x8b])) return "a gzip archive";
  if (/^\s*<(!doctype html|html)/iu.test(head)) return "a web page (HTML)";
  if (startsWith(bytes, pdfMagic)) return "a PDF";
  return "an unrecognised file";
}

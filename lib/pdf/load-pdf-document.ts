// Opens a PDF with pdfjs-dist for reading its pages and text, in plain Node
// (the worker) and inside Next.js route handlers alike.
//
// pdfjs has no worker thread under Node: it runs its "worker" code in this
// thread. By default it finds that code by importing "./pdf.worker.mjs"
// relative to its own file, which breaks once a bundler moves things, so the
// worker module is imported here by package path; it registers itself on
// `globalThis.pdfjsWorker`, which pdfjs checks first.
//
// pdfjs is imported on first use, not with this module: a worker that only
// runs the Gemini engine never reads text and is spared its ~200 MB.
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { AppError } from "@/lib/errors";

export interface LoadedPdf {
  doc: PDFDocumentProxy;
  /** Frees pdfjs's parsed objects; call it when done, even after errors. */
  close(): Promise<void>;
}

type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let pdfjsLoaded: Promise<Pdfjs> | undefined;

function loadPdfjs(): Promise<Pdfjs> {
  pdfjsLoaded ??= (async () => {
    await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return pdfjsLoaded;
}

function documentOptions(pdfjs: Pdfjs, bytes: Uint8Array) {
  return {
    // pdfjs transfers (detaches) the buffer it is given: hand it a copy.
    // (Not .slice(): on a Node Buffer that is a view of the same memory.)
    data: new Uint8Array(bytes),
    // Removed in pdfjs 5 (it no longer compiles font code with eval); kept so
    // an older pdfjs could not silently turn eval back on.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Warnings go to console.log; damaged files surface as errors instead.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  };
}

export function toPdfError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const name = error instanceof Error ? error.name : "";
  // pdfjs's own message is for the log (the route logs it with the request
  // id); the client gets the code and the sentence.
  if (name === "PasswordException") {
    return new AppError(
      "pdf_encrypted",
      "The PDF is password-protected. Remove the password (for example, print it to a new PDF) and upload it again.",
      undefined,
      error,
    );
  }
  return new AppError(
    "pdf_invalid",
    "The PDF is damaged or incomplete and cannot be read. Try exporting it again from the original file.",
    undefined,
    error,
  );
}

export async function loadPdfDocument(bytes: Uint8Array): Promise<LoadedPdf> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument(documentOptions(pdfjs, bytes));
  try {
    const doc = await task.promise;
    return { doc, close: () => task.destroy() };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw toPdfError(error);
  }
}

// pdfjs-dist ships no types for its worker module; we only import it for its
// side effect of registering `globalThis.pdfjsWorker`.
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}

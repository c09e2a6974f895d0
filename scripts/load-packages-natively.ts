// Workers started from the sources (npm start, the test stack, the
// benchmarks) run through tsx, which by default also passes every ES module
// of node_modules through its own transform (a module containing `import(`
// is rewritten with an inline source map) and turns source maps on for all
// code, so Node then parses those maps and the packages' own .map files.
// For pdfjs (3.5 MB of code, loaded by every chunk now that rewriting reads
// the text first) that left a worker about 300 MB of RSS it never gave back
// (bench/RESULTS.md, pipeline efficiency). Registered after tsx, this hands
// the packages' ES modules to Node as they are and keeps source maps for the
// app's own code only, so packages run as in the bundled worker of the
// Docker image (esbuild --packages=external) while stack traces still point
// into the TypeScript.
//
// It also turns on Node's compile cache: V8's code for each module is kept
// on disk (in the system's temporary directory, or NODE_COMPILE_CACHE) and
// reused while the file is unchanged, so each process and PDF thread that
// loads Prisma, pg-boss, pdfjs and the app is spared compiling them again
// (the command line starts five: itself, its worker, and three threads).
import { readFileSync } from "node:fs";
import { enableCompileCache, registerHooks, setSourceMapsSupport } from "node:module";

setSourceMapsSupport(true, { nodeModules: false, generatedCode: true });
enableCompileCache();

registerHooks({
  load(url, context, nextLoad) {
    if (context.format === "module" && url.startsWith("file:") && url.includes("/node_modules/")) {
      return { format: "module", source: readFileSync(new URL(url)), shortCircuit: true };
    }
    return nextLoad(url, context);
  },
});

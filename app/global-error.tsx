"use client";
// Replaces the root layout when it fails, so it brings its own document and styles.
import "./globals.css";
import { ErrorView } from "@/components/layout/error-view";

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <title>Something went wrong · Phrases courtes</title>
        <main id="main">
          <ErrorView error={error} retry={retry} fullHeight />
        </main>
      </body>
    </html>
  );
}

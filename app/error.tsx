"use client";
import { ErrorView } from "@/components/layout/error-view";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main">
      <ErrorView error={error} retry={retry} fullHeight />
    </main>
  );
}

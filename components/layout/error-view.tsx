"use client";
import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { StatusPage } from "./status-page";

/** What error.tsx files render: a calm message, Try again and a way home. */
export function ErrorView({ error, retry, fullHeight }: { error: unknown; retry: () => void; fullHeight?: boolean }) {
  useEffect(() => {
    // Keep the failure visible to whoever opens the console; the page stays usable.
    console.warn("Page error", error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as { digest?: string }).digest ?? "") : "";
  return (
    <StatusPage
      code="Oops"
      title="Something went wrong"
      fullHeight={fullHeight}
      actions={
        <>
          <Button variant="primary" onClick={() => retry()}>
            Try again
          </Button>
          <ButtonLink href="/">Go to the upload page</ButtonLink>
        </>
      }
    >
      This page could not be shown. Your books and credits are safe; try again in a moment.
      {digest ? ` (Reference ${digest}.)` : ""}
    </StatusPage>
  );
}

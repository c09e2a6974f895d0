import type { Metadata } from "next";
import { StatusPage } from "@/components/layout/status-page";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main id="main">
      <StatusPage
        code="404"
        title="This page does not exist"
        fullHeight
        actions={
          <ButtonLink href="/" variant="primary">
            Go to the upload page
          </ButtonLink>
        }
      >
        The address may be mistyped, or the page was removed.
      </StatusPage>
    </main>
  );
}

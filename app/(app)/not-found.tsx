import { StatusPage } from "@/components/layout/status-page";
import { ButtonLink } from "@/components/ui/button";

/** Inside the signed-in frame: a missing page, or a job that is not yours. */
export default function AppNotFound() {
  return (
    <StatusPage
      code="404"
      title="Not found"
      actions={
        <>
          <ButtonLink href="/jobs" variant="primary">
            Open your history
          </ButtonLink>
          <ButtonLink href="/">Upload a novel</ButtonLink>
        </>
      }
    >
      <span data-testid="not-found">There is nothing here, or it belongs to another account.</span>
    </StatusPage>
  );
}

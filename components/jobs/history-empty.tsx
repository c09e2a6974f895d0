// What the history shows instead of rows: nothing matches the filters, or the
// user has not uploaded anything yet.
import { ButtonLink } from "@/components/ui/button";
import { SearchIcon } from "@/components/ui/icons";
import { EmptyState } from "@/components/ui/surface";
import tableStyles from "@/components/ui/table.module.css";

export function HistoryEmpty({ filtered }: { filtered: boolean }) {
  return (
    <div className={tableStyles.wrap}>
      {filtered ? (
        <EmptyState icon={<SearchIcon />} title="No job matches these filters">
          Change the status or the name you searched for.
        </EmptyState>
      ) : (
        <EmptyState
          title="No books yet"
          action={
            <ButtonLink href="/" variant="primary">
              Upload a novel
            </ButtonLink>
          }
        >
          Upload a French novel as a PDF to get its sentences back, short.
        </EmptyState>
      )}
    </div>
  );
}

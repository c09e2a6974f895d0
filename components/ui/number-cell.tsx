// A table cell holding a figure: right-aligned under its NumberHeader, and
// labelled by its column's name where the responsive table stacks into cards.
import type { ReactNode } from "react";
import tableStyles from "@/components/ui/table.module.css";

export function NumberCell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td data-label={label} className={tableStyles.num}>
      {children}
    </td>
  );
}

// A column header over figures: right-aligned like the figures under it.
import type { ReactNode } from "react";
import tableStyles from "@/components/ui/table.module.css";

export function NumberHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className={tableStyles.num}>
      {children}
    </th>
  );
}

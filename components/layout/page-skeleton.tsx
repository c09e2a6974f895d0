import { Skeleton } from "@/components/ui/surface";
import layout from "@/components/ui/layout.module.css";

/** The loading.tsx body: the page's outline while the server renders it. */
export function PageSkeleton({ label, rows = 5, stats = false }: { label: string; rows?: number; stats?: boolean }) {
  return (
    <div className={layout.stackLg} aria-busy="true" aria-label={label} role="status">
      <div className={layout.stackSm}>
        <Skeleton width="14rem" height="2rem" />
        <Skeleton width="min(30rem, 90%)" height="1rem" />
      </div>
      {stats ? (
        <div className={layout.statGrid}>
          <Skeleton height="5rem" />
          <Skeleton height="5rem" />
          <Skeleton height="5rem" />
        </div>
      ) : null}
      <div className={layout.stackSm}>
        {Array.from({ length: rows }, (_, index) => (
          <Skeleton key={index} height="3rem" />
        ))}
      </div>
    </div>
  );
}

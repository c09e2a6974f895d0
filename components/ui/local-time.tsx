import { formatDate, formatDateTime } from "./format";

/** A date in the reader's time zone; the server may render another zone, so hydration may differ. */
export function LocalTime({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span>—</span>;
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {formatDateTime(iso)}
    </time>
  );
}

/** A day without the time, in the reader's time zone. */
export function LocalDate({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span>—</span>;
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {formatDate(iso)}
    </time>
  );
}

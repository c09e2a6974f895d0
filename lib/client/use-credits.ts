"use client";
// The signed-in user's credit balance (the header shows it) and, for the
// credits page, the ledger with cursor pagination.
import useSWR from "swr";
import useSWRInfinite from "swr/infinite";
import type { Credits } from "@/lib/client/api-types";

export const CREDITS_KEY = "/api/credits";

export function useCredits() {
  return useSWR<Credits>(CREDITS_KEY);
}

export function useCreditLedger() {
  const result = useSWRInfinite<Credits>(
    (pageIndex, previous: Credits | null) => {
      if (pageIndex === 0) return CREDITS_KEY;
      if (!previous?.nextCursor) return null;
      return `${CREDITS_KEY}?cursor=${encodeURIComponent(previous.nextCursor)}`;
    },
    { revalidateFirstPage: true },
  );
  const pages = result.data ?? [];
  const first = pages[0];
  return {
    ...result,
    summary: first,
    ledger: pages.flatMap((page) => page.ledger),
    hasMore: Boolean(pages[pages.length - 1]?.nextCursor),
    loadMore: () => result.setSize(result.size + 1),
  };
}

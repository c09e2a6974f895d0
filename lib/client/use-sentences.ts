"use client";
// A job's sentences, 200 per page, loaded on demand ("Load more"). A finished
// job's pages change only through the owner's corrections, which refresh
// them (mutate) themselves, so pages are not revalidated then;
// while it runs (`live`), the loaded pages are read again every few seconds,
// as finished chunks add rows.
import useSWRInfinite from "swr/infinite";
import type { SentenceMethod, SentencesPage } from "@/lib/client/api-types";

const LIVE_REFRESH_MS = 3000;

export function useSentences(
  jobId: string,
  query: { q?: string; method?: SentenceMethod; edited?: boolean; enabled?: boolean; live?: boolean } = {},
) {
  const q = query.q?.trim() ?? "";
  const result = useSWRInfinite<SentencesPage>(
    (pageIndex, previous: SentencesPage | null) => {
      if (query.enabled === false) return null;
      if (previous && !previous.nextCursor) return null;
      const params = new URLSearchParams();
      if (q) params.set("q", q);
      if (query.method) params.set("method", query.method);
      if (query.edited) params.set("edited", "1");
      if (pageIndex > 0 && previous?.nextCursor) params.set("cursor", previous.nextCursor);
      const search = params.toString();
      return `/api/jobs/${encodeURIComponent(jobId)}/sentences${search ? `?${search}` : ""}`;
    },
    {
      revalidateFirstPage: Boolean(query.live),
      refreshInterval: query.live ? LIVE_REFRESH_MS : 0,
      revalidateOnFocus: false,
      keepPreviousData: true,
    },
  );
  const pages = result.data ?? [];
  const sentences = pages.flatMap((page) => page.sentences);
  const hasMore = pages.length > 0 && Boolean(pages[pages.length - 1]?.nextCursor);
  const isLoadingMore =
    result.isLoading || (result.size > 0 && result.data !== undefined && result.data[result.size - 1] === undefined);
  return {
    ...result,
    sentences,
    hasMore,
    isLoadingMore,
    loadMore: () => result.setSize(result.size + 1),
  };
}

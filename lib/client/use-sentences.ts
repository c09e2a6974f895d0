"use client";
// A finished job's sentences, 200 per page, loaded on demand ("Load more").
// Results never change once a job is finished, so pages are not revalidated.
import useSWRInfinite from "swr/infinite";
import type { SentencesPage } from "@/lib/client/api-types";

export function useSentences(jobId: string, query: { q?: string; enabled?: boolean } = {}) {
  const q = query.q?.trim() ?? "";
  const result = useSWRInfinite<SentencesPage>(
    (pageIndex, previous: SentencesPage | null) => {
      if (query.enabled === false) return null;
      if (previous && !previous.nextCursor) return null;
      const params = new URLSearchParams();
      if (q) params.set("q", q);
      if (pageIndex > 0 && previous?.nextCursor) params.set("cursor", previous.nextCursor);
      const search = params.toString();
      return `/api/jobs/${encodeURIComponent(jobId)}/sentences${search ? `?${search}` : ""}`;
    },
    {
      revalidateFirstPage: false,
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

"use client";
// useSWR whose polling rate follows the data: e.g. every second while a job
// runs, not at all once it has ended, and again if it is retried.
//
// SWR reads a function-valued refreshInterval only when a poll finishes, so a
// function that answers 0 once never polls again (and one that answers 0
// before the first fetch never starts). Keeping the rate as a number in state
// and updating it from the latest data restarts polling whenever it changes.
import { useState } from "react";
import useSWR, { type SWRConfiguration } from "swr";

export function usePolling<T>(
  key: string | null,
  rateFor: (data: T | undefined) => number,
  config: Omit<SWRConfiguration<T>, "refreshInterval"> = {},
) {
  const [rate, setRate] = useState(() => rateFor(config.fallbackData as T | undefined));
  const result = useSWR<T>(key, { ...config, refreshInterval: rate });
  const wanted = rateFor(result.data);
  // Adjusting state while rendering (React's pattern for deriving from the previous render).
  if (wanted !== rate) setRate(wanted);
  return result;
}

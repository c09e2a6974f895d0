"use client";
// Client-side context for the whole app: the next-auth session and SWR's
// fetcher and retry policy.
import { useRouter } from "next/navigation";
import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";
import { SWRConfig } from "swr";
import { fetcher, isApiError } from "@/lib/client/fetcher";

export function Providers({ children }: { children: ReactNode }) {
  const router = useRouter();
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <SWRConfig
        value={{
          fetcher,
          onErrorRetry(error, _key, _config, revalidate, { retryCount }) {
            // A 4xx will not fix itself (not found, not allowed); only retry
            // network trouble and 5xx, a few times with backoff.
            if (isApiError(error) && error.status >= 400 && error.status < 500) return;
            if (retryCount >= 4) return;
            setTimeout(() => void revalidate({ retryCount }), Math.min(1000 * 2 ** retryCount, 15_000));
          },
          onError(error) {
            // The session ended (expired, signed out in another tab): sign in again and come back.
            if (isApiError(error) && error.status === 401) {
              const back = encodeURIComponent(window.location.pathname + window.location.search);
              router.replace(`/sign-in?callbackUrl=${back}`);
            }
          },
        }}
      >
        {children}
      </SWRConfig>
    </SessionProvider>
  );
}

"use client";
// One account as an administrator sees it, looked up by email; null until an email is given.
import useSWR from "swr";
import type { UserAccount } from "@/lib/client/api-types";

export function adminAccountKey(email: string) {
  return `/api/admin/accounts?email=${encodeURIComponent(email)}`;
}

export function useAdminAccount(email: string | null) {
  return useSWR<UserAccount>(email ? adminAccountKey(email) : null);
}

"use client";
// The browser's clock, read every `intervalMs` (0 stops it). Null until the
// first tick after mounting, so the server-rendered page and the first
// client render agree.
import { useEffect, useState } from "react";

export function useNow(intervalMs: number): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (intervalMs <= 0) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [intervalMs]);
  return intervalMs > 0 ? now : null;
}

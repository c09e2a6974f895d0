// Turns an API refusal of an estimate or an upload into one sentence the
// reader can act on.
import { formatCredits } from "@/components/ui/format";
import { isApiError } from "@/lib/client/fetcher";

export function describeUploadError(error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : "The upload failed. Try again.";
  const details = error.details ?? {};
  switch (error.code) {
    case "insufficient_credits": {
      const price = Number(details.price);
      const balance = Number(details.balance);
      if (Number.isFinite(price) && Number.isFinite(balance)) {
        return `This book needs ${formatCredits(price)} but you have ${formatCredits(balance)} (${formatCredits(price - balance)} short).`;
      }
      return error.message;
    }
    case "rate_limited":
    case "unavailable":
      return error.retryAfterSeconds ? `${error.message} Try again in ${error.retryAfterSeconds} s.` : error.message;
    default:
      return error.message;
  }
}

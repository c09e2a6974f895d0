// What a synchronous call refuses with: the code and message of the AppError
// it throws. Any other error is thrown again; a call that returns fails.
import { isAppError } from "@/lib/errors";

export function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

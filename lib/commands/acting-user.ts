// Who issues a command. Route handlers pass the session's user; scripts pass
// the account they act for. Access is checked once, by the command.
import { AppError } from "@/lib/errors";

export interface ActingUser {
  userId: string;
  /** Admins may act on any user's job. */
  isAdmin?: boolean;
}

/** The access check of the admin commands (credit adjustments, dead letters): admins only. */
export function assertAdmin(user: ActingUser): void {
  if (!user.isAdmin) throw new AppError("forbidden", "This page is for administrators.");
}

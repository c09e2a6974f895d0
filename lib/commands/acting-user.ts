// Who issues a command. Route handlers pass the session's user; scripts pass
// the account they act for. Access is checked once, by the command.
export interface ActingUser {
  userId: string;
  /** Admins may act on any user's job. */
  isAdmin?: boolean;
}

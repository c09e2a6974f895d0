import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: "user" | "admin"; email?: string | null; name?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: string;
    /** When the session was signed in (ms since epoch). */
    startedAt?: number;
    /** When the session was last checked against the database (ms since epoch). */
    checkedAt?: number;
  }
}

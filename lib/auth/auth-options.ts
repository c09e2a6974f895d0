// next-auth configuration: email + password always, Google only when its
// variables are set. Sessions are JWTs, so no session table is needed.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import { checkSessionUser, isSessionCheckDue, revokeSessions } from "@/lib/auth/check-session-user";
import { throttleSignIn } from "@/lib/auth/throttle-sign-in";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { upsertGoogleUser } from "@/lib/users/upsert-google-user";

/**
 * The largest body next-auth's routes read: a sign-in form (CSRF token,
 * email, a password of at most 72 bytes, a callback URL) is well under it.
 */
export const authBodyMaxBytes = 16 * 1024;

export function isGoogleEnabled(): boolean {
  return Boolean(env().GOOGLE_CLIENT_ID && env().GOOGLE_CLIENT_SECRET);
}

export function authOptions(): NextAuthOptions {
  const config = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      // Every credentials sign-in reaches this function, whatever its path
      // or body, so the throttle is here (see throttle-sign-in.ts).
      async authorize(credentials, req) {
        const email = typeof credentials?.email === "string" ? credentials.email.trim() : "";
        await throttleSignIn({ headers: new Headers(req.headers as Record<string, string>), email });
        if (!email || typeof credentials?.password !== "string" || !credentials.password) return null;
        return authenticateUser(email, credentials.password);
      },
    }),
  ];
  if (config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET) {
    providers.push(
      GoogleProvider({ clientId: config.GOOGLE_CLIENT_ID, clientSecret: config.GOOGLE_CLIENT_SECRET }),
    );
  }
  return {
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/sign-in" },
    providers,
    logger: {
      // An ended session (deleted account, signed out elsewhere) is expected, not an error.
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR") log.info({ code }, "session ended at its check");
        else log.error({ code, err: metadata instanceof Error ? metadata : undefined, metadata }, "next-auth error");
      },
      warn(code) {
        log.warn({ code }, "next-auth warning");
      },
      debug() {},
    },
    events: {
      async signOut({ token }) {
        if (token?.sub) await revokeSessions(token.sub);
      },
    },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "google") return true;
        return (await googleUser(account.providerAccountId, profile)) !== null;
      },
      async jwt({ token, user, account, profile }) {
        const now = Date.now();
        if (account?.provider === "google") {
          const linked = await googleUser(account.providerAccountId, profile);
          if (!linked) throw new Error("Google account not allowed");
          return { ...token, sub: linked.id, role: linked.role, startedAt: now, checkedAt: now };
        }
        if (user) {
          const role = (user as { role?: string }).role ?? "user";
          return { ...token, sub: user.id, role, startedAt: now, checkedAt: now };
        }
        if (!isSessionCheckDue(token, now)) return token;
        // Throwing makes next-auth clear the session cookie: the account is
        // gone or signed out elsewhere.
        const current = await checkSessionUser(token);
        if (!current) throw new Error("Session ended");
        return { ...token, role: current.role, checkedAt: now };
      },
      async session({ session, token }) {
        if (session.user) {
          session.user.id = token.sub ?? "";
          session.user.role = token.role === "admin" ? "admin" : "user";
        }
        return session;
      },
    },
  };
}

/** Only profiles whose email Google verified; see upsertGoogleUser for why email alone never links. */
function googleUser(googleId: string, profile: unknown) {
  const claims = (profile ?? {}) as { email?: string; email_verified?: boolean; name?: string | null };
  if (!claims.email) return Promise.resolve(null);
  return upsertGoogleUser({
    googleId,
    email: claims.email,
    emailVerified: claims.email_verified === true,
    name: claims.name,
  });
}

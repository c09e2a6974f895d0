// next-auth configuration: email + password always, Google only when its
// variables are set. Sessions are JWTs, so no session table is needed.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import { env } from "@/lib/env";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { upsertGoogleUser } from "@/lib/users/upsert-google-user";

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
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        return authenticateUser(credentials.email, credentials.password);
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
    callbacks: {
      async jwt({ token, user, account, profile }) {
        if (account?.provider === "google" && profile?.email) {
          const linked = await upsertGoogleUser({
            googleId: account.providerAccountId,
            email: profile.email,
            name: profile.name,
          });
          token.sub = linked.id;
          token.role = linked.role;
        } else if (user) {
          token.sub = user.id;
          token.role = (user as { role?: string }).role ?? "user";
        }
        return token;
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

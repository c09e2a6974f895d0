// The demo account a newcomer signs in with under `npm start` (see README):
// seeded by prisma/seed.ts, shown on the sign-in page while it is seeded.
export const demoAccount = { email: "demo@example.com", password: "demo-password-1" };

import bcrypt from "bcryptjs";

const rounds = 10;

// Compared against when the email is unknown, so that an unknown account
// costs the same bcrypt work as a wrong password and timing reveals nothing.
const dummyHash = bcrypt.hashSync("not-a-real-password-0", rounds);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, rounds);
}

/** Whether the password matches; a missing hash still costs one comparison. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? dummyHash);
  return matches && Boolean(hash);
}

import { z } from "zod";

/** bcrypt reads at most this many bytes of a password. */
export const maxPasswordBytes = 72;

export const signUpInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Enter a valid email address." })),
  password: z
    .string()
    .min(8, { message: "Use at least 8 characters." })
    // bcrypt ignores everything past 72 bytes, so a longer password would
    // silently be checked on its beginning only: refuse it instead.
    .refine((value) => new TextEncoder().encode(value).length <= maxPasswordBytes, {
      message: `Use at most ${maxPasswordBytes} bytes (72 plain letters; accented letters and symbols count as two or more).`,
    })
    .refine((value) => /[A-Za-z]/.test(value) && /[^A-Za-z]/.test(value), {
      message: "Mix letters with at least one digit or symbol.",
    }),
  name: z.string().trim().max(100).optional(),
});

export type SignUpInput = z.infer<typeof signUpInput>;

import { z } from "zod";

export const signUpInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Enter a valid email address." })),
  password: z
    .string()
    .min(8, { message: "Use at least 8 characters." })
    .max(200, { message: "Use at most 200 characters." })
    .refine((value) => /[A-Za-z]/.test(value) && /[^A-Za-z]/.test(value), {
      message: "Mix letters with at least one digit or symbol.",
    }),
  name: z.string().trim().max(100).optional(),
});

export type SignUpInput = z.infer<typeof signUpInput>;

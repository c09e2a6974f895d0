// Request bodies of the admin routes.
import { z } from "zod";

export const creditAdjustmentSchema = z.object({
  amount: z
    .number({ message: "The amount must be a whole number of credits." })
    .int("The amount must be a whole number of credits.")
    .min(-1_000_000, "The amount is out of range.")
    .max(1_000_000, "The amount is out of range."),
  reason: z.string().trim().min(3, "Say why, in a few words (at least 3 characters).").max(300, "The reason is too long (300 characters at most)."),
});

export type CreditAdjustment = z.infer<typeof creditAdjustmentSchema>;

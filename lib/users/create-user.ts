import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/prisma";
import type { SignUpInput } from "@/lib/validations/user";
import { Prisma } from "@/lib/generated/prisma/client";

export interface PublicUser {
  id: string;
  email: string;
  name: string | null;
  role: "user" | "admin";
}

export async function createUser(input: SignUpInput): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().user.create({
      data: { email: input.email, passwordHash, name: input.name ?? null },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "An account with this email already exists.");
    }
    throw error;
  }
}

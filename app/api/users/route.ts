// POST /api/users – sign up with email and password
import { NextResponse } from "next/server";
import { publicRoute, readJson } from "@/lib/api/route";
import { createUser } from "@/lib/users/create-user";
import { signUpInput } from "@/lib/validations/user";

export const POST = publicRoute(async ({ req }) => {
  const input = await readJson(req, signUpInput);
  const user = await createUser(input);
  return NextResponse.json({ user }, { status: 201 });
});

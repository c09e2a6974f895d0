// POST /api/users – sign up with email and password (throttled per address and per email)
import { NextResponse } from "next/server";
import { publicRoute, readJson } from "@/lib/api/route";
import { throttleSignUp } from "@/lib/auth/throttle-sign-in";
import { createUser } from "@/lib/users/create-user";
import { signUpInput } from "@/lib/validations/user";

export const POST = publicRoute(async ({ req }) => {
  const input = await readJson(req, signUpInput);
  await throttleSignUp(req, input.email);
  const user = await createUser(input);
  return NextResponse.json({ user }, { status: 201 });
});

// Sign-in goes through next-auth's own handler, so its throttle runs in front
// of it: one attempt counted per client address and per account (the email
// in the form), before bcrypt runs.
import { clientAddress } from "@/lib/rate-limit/client-address";
import { consumeThrottle } from "@/lib/rate-limit/throttle";

export function isCredentialsSignIn(request: Request): boolean {
  return request.method === "POST" && new URL(request.url).pathname.endsWith("/callback/credentials");
}

export async function throttleSignIn(request: Request): Promise<void> {
  await consumeThrottle("sign-in-ip", clientAddress(request.headers));
  let email = "";
  try {
    const form = await request.clone().formData();
    email = String(form.get("email") ?? "").trim();
  } catch {
    // Not a form: next-auth refuses it itself; the address was counted.
  }
  if (email) await consumeThrottle("sign-in-account", email);
}

/** Sign-up costs a bcrypt hash: counted per address, and per email like a sign-in. */
export async function throttleSignUp(request: Request, email: string): Promise<void> {
  await consumeThrottle("sign-up-ip", clientAddress(request.headers));
  await consumeThrottle("sign-in-account", email);
}

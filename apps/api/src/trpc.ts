import { initTRPC } from "@trpc/server";
import { ZodError } from "zod";
import { reasonsOfRefusal } from "./authz/reasons.ts";
import type { Context, Session } from "./context.ts";
import { isDatabaseUnavailable } from "./db/unavailable.ts";
import { AccessDenied, AuthFailed, databaseUnavailable, unauthorized } from "./errors.ts";
import { limitMessage } from "./http/batch-limits.ts";

const t = initTRPC.context<Context>().create({
  // Never send stack traces to clients, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const zodIssues = error.code === "BAD_REQUEST" && error.cause instanceof ZodError ? error.cause.issues : undefined;
    const denied = error.cause instanceof AccessDenied ? error.cause : undefined;
    // The policies' words for the denial (rule outputs of the call that denied; authz/reasons.ts).
    const reasons = denied ? reasonsOfRefusal(ctx?.denials.get(denied.cerbosCallId)) : undefined;
    const authFailure = error.cause instanceof AuthFailed ? error.cause.authFailure : undefined;
    return {
      ...shape,
      // The reason of a server failure is in the log (with the request id), never in the response.
      message:
        error.code === "INTERNAL_SERVER_ERROR" ? "Internal server error." : (limitMessage(error) ?? shape.message),
      data: { ...shape.data, zodIssues, cerbosCallId: denied?.cerbosCallId, reasons, authFailure },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** One structured log line per procedure call: request id, user, procedure, duration, Cerbos call ids. */
const logged = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await next();
  const fields = {
    procedure: path,
    type,
    userId: ctx.session?.user.id,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    cerbosCallIds: ctx.cerbosCallIds.length > 0 ? ctx.cerbosCallIds : undefined,
  };
  if (result.ok) {
    ctx.log.info(fields, "procedure ok");
  } else if (result.error.code === "INTERNAL_SERVER_ERROR" || result.error.code === "SERVICE_UNAVAILABLE") {
    ctx.log.error(
      { ...fields, code: result.error.code, err: result.error.cause ?? result.error },
      result.error.message,
    );
  } else {
    ctx.log.info({ ...fields, code: result.error.code }, "procedure refused");
  }
  return result;
});

/** A database that is down or restarting answers SERVICE_UNAVAILABLE (retry), not a 500 (db/unavailable.ts). */
const databaseDown = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDatabaseUnavailable(result.error.cause)) throw databaseUnavailable(result.error.cause);
  return result;
});

export const publicProcedure = t.procedure.use(logged).use(databaseDown);

const unauthorizedMessages = {
  missing: "Sign in: this call needs a bearer token.",
  malformed: "The Authorization header must be `Bearer <token>`.",
  // The same words for both (clients told them apart by nothing until `data.authFailure`).
  expired: "The token is invalid or expired: sign in again.",
  invalid: "The token is invalid or expired: sign in again.",
  revoked: "The token was revoked (signed out or account changed): sign in again.",
  idp: "The identity provider token was refused: sign in again.",
} as const;

/** Every non-public procedure: a valid, unrevoked token and the principal built from the DB. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) {
    const failure = ctx.authFailure ?? "missing";
    throw unauthorized(ctx.authFailureMessage ?? unauthorizedMessages[failure], failure);
  }
  return next({ ctx: { ...ctx, session: ctx.session as Session } });
});

import { describe, expect, it } from "vitest";
import { createTokenService } from "./token.ts";

const secret = "unit-test-secret-unit-test-secret-0000";

describe("tokens", () => {
  it("round-trips the user id and token version", async () => {
    const tokens = createTokenService(secret);
    const { token, expiresAt } = await tokens.issue({ userId: "john", tokenVersion: 3 });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(await tokens.verify(token)).toEqual({ userId: "john", tokenVersion: 3 });
  });

  it("rejects expired tokens, other keys and tampering", async () => {
    const expired = await createTokenService(secret, -10).issue({ userId: "john", tokenVersion: 0 });
    expect(await createTokenService(secret).verify(expired.token)).toBeUndefined();
    const other = await createTokenService("another-secret-another-secret-11111").issue({
      userId: "john",
      tokenVersion: 0,
    });
    expect(await createTokenService(secret).verify(other.token)).toBeUndefined();
    const { token } = await createTokenService(secret).issue({ userId: "john", tokenVersion: 0 });
    const [header, , signature] = token.split(".");
    const forgedPayload = Buffer.from(
      JSON.stringify({ sub: "alice", tv: 0, exp: 9999999999, iss: "repo-api" }),
    ).toString("base64url");
    expect(await createTokenService(secret).verify(`${header}.${forgedPayload}.${signature}`)).toBeUndefined();
  });

  it("tells an expired token of ours from one signed with another key (UNAUTHORIZED's authFailure)", async () => {
    const tokens = createTokenService(secret);
    const expired = await createTokenService(secret, -10).issue({ userId: "john", tokenVersion: 0 });
    const otherKey = await createTokenService("another-secret-another-secret-11111", -10).issue({
      userId: "john",
      tokenVersion: 0,
    });
    const valid = await tokens.issue({ userId: "john", tokenVersion: 0 });
    expect(await tokens.isExpired(expired.token)).toBe(true);
    expect(await tokens.isExpired(otherKey.token)).toBe(false);
    expect(await tokens.isExpired(valid.token)).toBe(false);
  });

  it("accepts tokens of the previous secret while it is being retired, and signs new ones with the current", async () => {
    const previous = "previous-secret-previous-secret-000000";
    const old = await createTokenService(previous).issue({ userId: "john", tokenVersion: 2 });
    const rotated = createTokenService(secret, undefined, [previous]);
    expect(await rotated.verify(old.token)).toEqual({ userId: "john", tokenVersion: 2 });
    const fresh = await rotated.issue({ userId: "john", tokenVersion: 2 });
    expect(await createTokenService(secret).verify(fresh.token)).toEqual({ userId: "john", tokenVersion: 2 });
    expect(await createTokenService(previous).verify(fresh.token)).toBeUndefined();
    // Once the previous secret is dropped, its tokens are refused; an expired one stays expired.
    expect(await createTokenService(secret).verify(old.token)).toBeUndefined();
    const expiredOld = await createTokenService(previous, -10).issue({ userId: "john", tokenVersion: 2 });
    expect(await rotated.verify(expiredOld.token)).toBeUndefined();
    expect(await rotated.isExpired(expiredOld.token)).toBe(true);
  });
});

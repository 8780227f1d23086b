import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactsApi } from "../src/contacts-api.ts";
import { insertUsers, type LoadUser } from "../src/load-users.ts";
import { rawCall } from "../src/raw-trpc.ts";
import { loginFrom } from "../src/scale-out/login-from.ts";
import { type ScaleOutStack, startScaleOut } from "../src/scale-out/stack.ts";
import { demoPassword, login } from "../src/stack.ts";

// Two API replicas behind haproxy on one Postgres: what one replica records (failed logins,
// sign-outs, bans, roles) holds on the other at once, and the client address a limit counts is
// the real client's: X-Forwarded-For is believed from haproxy (127.0.0.3) only.
const extra: LoadUser[] = ["scale1", "scale2", "scale3"].map((id) => ({
  id,
  role: "user",
  department: "Sales",
  isBanned: false,
  memberships: [{ organizationId: 1, role: "member" }],
}));

describe("across replicas", () => {
  let stack: ScaleOutStack;
  let a: string;
  let b: string;
  let alice: string;

  beforeAll(async () => {
    stack = await startScaleOut();
    await insertUsers(stack.sql, extra);
    [a, b] = stack.replicas.map((replica) => replica.baseUrl) as [string, string];
    alice = await login(a, "alice");
  });
  afterAll(() => stack?.stop());

  const call = (baseUrl: string, procedure: string, kind: "query" | "mutation", token: string, input?: unknown) =>
    rawCall({ baseUrl, procedure, kind, token, input });

  it("parallel wrong passwords through haproxy, spread over both replicas: at most the limit reach a password check", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        loginFrom(stack.url, { username: "scale1", password: `guess-${index}` }),
      ),
    );
    const codes = guesses.map((outcome) => outcome.code);
    expect(codes.filter((code) => code !== "UNAUTHORIZED" && code !== "TOO_MANY_REQUESTS")).toEqual([]);
    expect(codes.filter((code) => code === "UNAUTHORIZED").length).toBeLessThanOrEqual(5);
    expect(codes.filter((code) => code === "TOO_MANY_REQUESTS").length).toBeGreaterThanOrEqual(7);
    const servers = await stack.haproxy.servers();
    expect(Object.values(servers).every((server) => server.sessions > 0)).toBe(true);
    // Another client (127.0.0.4, through haproxy: its own X-Forwarded-For) signs in as scale1.
    const elsewhere = await loginFrom(
      stack.url,
      { username: "scale1", password: demoPassword },
      { localAddress: "127.0.0.4" },
    );
    expect(elsewhere.code).toBeUndefined();
    // The limited client stays limited, on either replica behind haproxy.
    const limited = await loginFrom(stack.url, { username: "scale1", password: demoPassword });
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
  });

  it("a forged X-Forwarded-For sent to a replica directly from 127.0.0.2 is ignored", async () => {
    const codes: (string | undefined)[] = [];
    for (let index = 0; index < 8; index++) {
      // Each guess claims another client: were the header believed, no limit would ever apply.
      const outcome = await loginFrom(
        a,
        { username: "scale2", password: `guess-${index}` },
        { localAddress: "127.0.0.2", headers: { "x-forwarded-for": `198.51.100.${index + 1}` } },
      );
      codes.push(outcome.code);
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill("UNAUTHORIZED"));
    expect(codes.slice(5)).toEqual(Array(3).fill("TOO_MANY_REQUESTS"));
    // The count is the database's: replica B refuses 127.0.0.2 too, forged header or not.
    const onB = await loginFrom(
      b,
      { username: "scale2", password: demoPassword },
      { localAddress: "127.0.0.2", headers: { "x-forwarded-for": "203.0.113.9" } },
    );
    expect(onB.code).toBe("TOO_MANY_REQUESTS");
  });

  it("a sign-out on replica A refuses the token on replica B at the next request", async () => {
    const token = await login(a, "scale3");
    expect((await call(b, "auth.me", "query", token)).code).toBeUndefined();
    expect((await call(a, "auth.logout", "mutation", token)).code).toBeUndefined();
    expect((await call(b, "auth.me", "query", token)).code).toBe("UNAUTHORIZED");
  });

  it("a ban on A refuses the user's next write on B; a role change on A applies on B at once", async () => {
    const john = await login(b, "john");
    const draft = { organizationId: 1, firstName: "Across", lastName: "Replicas" };
    const api = contactsApi(b);
    expect((await api.create(john, draft)).code).toBeUndefined();
    expect((await call(a, "users.ban", "mutation", alice, { userId: "john" })).code).toBeUndefined();
    expect((await api.create(john, draft)).code).toBe("UNAUTHORIZED");
    const again = await login(b, "john");
    expect((await api.create(again, draft)).code).toBe("FORBIDDEN");
    expect((await call(a, "users.unban", "mutation", alice, { userId: "john" })).code).toBeUndefined();
    const rows = await stack.sql.all<{ n: string }>(
      `SELECT count(*) AS n FROM "contacts" WHERE "lastName" = 'Replicas'`,
    );
    expect(Number(rows[0]?.n)).toBe(1);

    const geri = await login(b, "geri");
    const billing = () => call(b, "organizations.billing", "query", geri, { organizationId: 1 });
    expect((await billing()).code).toBe("FORBIDDEN");
    const assign = (role: string) =>
      call(a, "organizations.assignRole", "mutation", alice, { organizationId: 1, userId: "geri", role });
    expect((await assign("billing")).code).toBeUndefined();
    expect((await billing()).code).toBeUndefined();
    expect((await assign("member")).code).toBeUndefined();
    expect((await billing()).code).toBe("FORBIDDEN");
  });
});

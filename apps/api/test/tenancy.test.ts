import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type TestStack } from "../src/testing/index.ts";
import { dialectsWithMariadb, stackOn } from "./support/stack.ts";

describe.each(dialectsWithMariadb)("tenant isolation and organization roles (%s)", (dialect) => {
  let app: TestStack;
  beforeAll(async () => {
    app = await stackOn(dialect);
  });
  afterAll(() => app?.stop());

  it("a resource of another organization is NOT_FOUND, exactly like a missing one", async () => {
    const john = await app.as("john");
    const calls = [
      () => john.contacts.get.query({ id: 6 }),
      () => john.contacts.update.mutate({ id: 6, firstName: "X" }),
      () => john.contacts.delete.mutate({ id: 6 }),
      () => john.companies.get.query({ id: 5 }),
      () => john.organizations.get.query({ id: 2 }),
      () => john.organizations.members.query({ organizationId: 2 }),
      () => john.contacts.permissions.query({ organizationId: 2 }),
      () => john.contacts.list.query({ organizationId: 2 }),
      () => john.contacts.create.mutate({ organizationId: 2, firstName: "A", lastName: "B" }),
    ];
    for (const call of calls) {
      const error = await errorOf(call());
      expect(error.code).toBe("NOT_FOUND");
      expect(error.cerbosCallId).toBeUndefined();
    }
    const missing = await errorOf(john.contacts.get.query({ id: 9999 }));
    expect(missing).toMatchObject({ code: "NOT_FOUND", message: "Contact not found." });
    expect((await errorOf(john.contacts.get.query({ id: 6 }))).message).toBe("Contact not found.");
  });

  it("a public contact is readable by any member of its organization, and only there", async () => {
    const ivan = await app.as("ivan");
    expect(await ivan.contacts.get.query({ id: 6 })).toMatchObject({
      tags: ["public", "vip"],
      allowedActions: { read: true, update: false, delete: false },
    });
    expect((await errorOf(ivan.contacts.get.query({ id: 7 }))).code).toBe("FORBIDDEN");
    const sarah = await app.as("sarah"); // member of both organizations
    expect(await sarah.contacts.get.query({ id: 6 })).toMatchObject({ id: 6 });
  });

  it("create checks the organization, the company's organization and who may name the owner", async () => {
    const john = await app.as("john");
    const wrongCompany = await errorOf(
      john.contacts.create.mutate({ organizationId: 1, firstName: "A", lastName: "B", companyId: 5 }),
    );
    expect(wrongCompany).toMatchObject({ code: "BAD_REQUEST", message: "Company 5 is not in organization 1." });
    const otherOwner = await errorOf(
      john.contacts.create.mutate({ organizationId: 1, firstName: "A", lastName: "B", ownerId: "sarah" }),
    );
    expect(otherOwner.code).toBe("FORBIDDEN");

    const alice = await app.as("alice");
    const forSarah = await alice.contacts.create.mutate({
      organizationId: 2,
      firstName: "Made",
      lastName: "ForSarah",
      ownerId: "sarah",
      tags: ["vip"],
    });
    expect(forSarah).toMatchObject({ ownerId: "sarah", organizationId: 2, tags: ["vip"] });
    const notMember = await errorOf(
      alice.contacts.create.mutate({ organizationId: 2, firstName: "A", lastName: "B", ownerId: "john" }),
    );
    expect(notMember.code).toBe("BAD_REQUEST");
  });

  it("an admin naming an organization that does not exist gets NOT_FOUND, and nothing is written", async () => {
    // Found by the hostile-input fuzzer: the foreign key refused the move and the answer was a 500.
    const alice = await app.as("alice");
    const before = await alice.contacts.get.query({ id: 4 });
    const move = await errorOf(
      alice.contacts.update.mutate({ id: 4, organizationId: 3, ownerId: "alice", companyId: null }),
    );
    expect(move).toMatchObject({ code: "NOT_FOUND", message: "Organization not found." });
    const create = await errorOf(alice.contacts.create.mutate({ organizationId: 3, firstName: "A", lastName: "B" }));
    expect(create).toMatchObject({ code: "NOT_FOUND", message: "Organization not found." });
    expect(await alice.contacts.get.query({ id: 4 })).toEqual(before);
  });

  it("an update must be allowed on the contact as it is and as it will be", async () => {
    const sarah = await app.as("sarah");
    const created = await sarah.contacts.create.mutate({ organizationId: 1, firstName: "Move", lastName: "Me" });
    // Handing her contact to john would put it out of her reach: refused, nothing written.
    const handOver = await errorOf(sarah.contacts.update.mutate({ id: created.id, ownerId: "john" }));
    expect(handOver.code).toBe("FORBIDDEN");
    expect(handOver.cerbosCallId).toBeTruthy();
    // Moving it into another organization she belongs to: her company must come along.
    const badCompany = await errorOf(sarah.contacts.update.mutate({ id: created.id, organizationId: 2, companyId: 1 }));
    expect(badCompany.code).toBe("BAD_REQUEST");
    const moved = await sarah.contacts.update.mutate({ id: created.id, organizationId: 2, lastName: "Moved" });
    expect(moved).toMatchObject({ organizationId: 2, lastName: "Moved", ownerId: "sarah" });

    // john may not update contact 3 (sarah's); the row is unchanged.
    const john = await app.as("john");
    expect((await errorOf(john.contacts.update.mutate({ id: 3, firstName: "Hacked" }))).code).toBe("FORBIDDEN");
    expect(await sarah.contacts.get.query({ id: 3 })).toMatchObject({ firstName: "Mary" });
    // john may update his own contact.
    expect(await john.contacts.update.mutate({ id: 2, isActive: true, tags: ["public"] })).toMatchObject({
      isActive: true,
      tags: ["public"],
    });
  });

  it("organization roles: members list members, billing and owners read billing, owners manage", async () => {
    const [bill, ivan, olga, sarah] = await Promise.all([
      app.as("bill"),
      app.as("ivan"),
      app.as("olga"),
      app.as("sarah"),
    ]);
    // bill has the billing role only.
    expect(await bill.organizations.billing.query({ organizationId: 2 })).toMatchObject({
      billingAddress: "500 Oak Ave, Shelbyville",
    });
    expect((await errorOf(bill.organizations.members.query({ organizationId: 2 }))).code).toBe("FORBIDDEN");
    // ivan is a member.
    expect((await errorOf(ivan.organizations.billing.query({ organizationId: 2 }))).code).toBe("FORBIDDEN");
    const members = await ivan.organizations.members.query({ organizationId: 2 });
    expect(members.map((m) => [m.userId, m.role])).toEqual([
      ["bill", "billing"],
      ["bruno", "member"],
      ["ivan", "member"],
      ["olga", "owner"],
      ["sarah", "member"],
    ]);
    expect(
      (await errorOf(ivan.organizations.assignRole.mutate({ organizationId: 2, userId: "bill", role: "member" }))).code,
    ).toBe("FORBIDDEN");
    // olga owns organization 2: an owner also holds member and billing rights.
    expect(await olga.organizations.billing.query({ organizationId: 2 })).toMatchObject({ id: 2 });
    const orgs = (await sarah.organizations.list.query()).items;
    expect(orgs.map((o) => [o.id, o.role, o.allowedActions.assignRole, o.allowedActions.readBilling])).toEqual([
      [1, "owner", true, true],
      [2, "member", false, false],
    ]);
  });

  it("assignRole: the last owner cannot be demoted or removed (CONFLICT); a promoted owner can manage", async () => {
    const olga = await app.as("olga");
    const demote = await errorOf(
      olga.organizations.assignRole.mutate({ organizationId: 2, userId: "olga", role: "member" }),
    );
    expect(demote).toMatchObject({ code: "CONFLICT" });
    expect((await errorOf(olga.organizations.removeMember.mutate({ organizationId: 2, userId: "olga" }))).code).toBe(
      "CONFLICT",
    );

    expect(await olga.organizations.assignRole.mutate({ organizationId: 2, userId: "ivan", role: "owner" })).toEqual({
      organizationId: 2,
      userId: "ivan",
      role: "owner",
    });
    // The principal is rebuilt from the database on the next request: ivan's token now carries owner rights.
    const ivan = await app.as("ivan");
    expect(await ivan.organizations.billing.query({ organizationId: 2 })).toMatchObject({ id: 2 });
    await ivan.organizations.assignRole.mutate({ organizationId: 2, userId: "olga", role: "billing" });
    const olgaNow = (await olga.organizations.list.query()).items;
    expect(olgaNow.find((o) => o.id === 2)?.role).toBe("billing");

    // Membership management by the new owner.
    await ivan.organizations.addMember.mutate({ organizationId: 2, userId: "john", role: "member" });
    expect(
      (await errorOf(ivan.organizations.addMember.mutate({ organizationId: 2, userId: "john", role: "member" }))).code,
    ).toBe("CONFLICT");
    const john = await app.as("john");
    expect(await john.contacts.get.query({ id: 6 })).toMatchObject({ id: 6 }); // public, now his organization
    await ivan.organizations.removeMember.mutate({ organizationId: 2, userId: "john" });
    expect((await errorOf(john.contacts.get.query({ id: 6 }))).code).toBe("NOT_FOUND");
  });

  it("concurrent writes all land (transactions wait for each other instead of failing)", async () => {
    const john = await app.as("john");
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        john.contacts.create.mutate({
          organizationId: 1,
          firstName: `Parallel${index}`,
          lastName: "Write",
          tags: ["vip"],
        }),
      ),
    );
    expect(new Set(created.map((contact) => contact.id)).size).toBe(12);
    const updated = await Promise.all(
      created.map((contact) => john.contacts.update.mutate({ id: contact.id, isActive: false, tags: ["public"] })),
    );
    expect(updated.every((contact) => !contact.isActive && contact.tags.join() === "public")).toBe(true);
    const page = await john.contacts.list.query({ search: "parallel", limit: 50 });
    expect(page.total).toBe(12);
  });

  it("concurrent updates of one contact: each lands or is a CONFLICT, never a write the check did not see", async () => {
    const sarah = await app.as("sarah");
    const contact = await sarah.contacts.create.mutate({ organizationId: 1, firstName: "Race", lastName: "Target" });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) =>
        sarah.contacts.update.mutate({ id: contact.id, lastName: `Writer${index}` }),
      ),
    );
    const landed = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value.lastName] : []));
    const refused = outcomes.flatMap((outcome) =>
      outcome.status === "rejected" ? [(outcome.reason as { data?: { code?: string } }).data?.code] : [],
    );
    expect(landed.length).toBeGreaterThan(0);
    expect(refused.every((code) => code === "CONFLICT")).toBe(true);
    expect(landed).toContain((await sarah.contacts.get.query({ id: contact.id })).lastName);
  });

  it("companies: members read, Sales users create and update, others are refused", async () => {
    const [john, geri, alice] = await Promise.all([app.as("john"), app.as("geri"), app.as("alice")]);
    const list = await geri.companies.list.query({ organizationId: 1 });
    expect(list.total).toBe(4);
    expect(list.items.map((c) => [c.name, c.allowedActions.update])).toEqual([
      ["Capri Sun", false],
      ["Coca Cola", false],
      ["Legal Co", false],
      ["Pepsi Co", false],
    ]);
    const created = await john.companies.create.mutate({
      organizationId: 1,
      name: "Fanta",
      website: "https://fanta.example",
    });
    expect(await john.companies.update.mutate({ id: created.id, name: "Fanta Ltd" })).toMatchObject({
      name: "Fanta Ltd",
    });
    expect((await errorOf(geri.companies.create.mutate({ organizationId: 1, name: "Nope" }))).code).toBe("FORBIDDEN");
    expect((await errorOf(geri.companies.update.mutate({ id: 1, name: "Nope" }))).code).toBe("FORBIDDEN");
    const all = await alice.companies.list.query();
    expect(all.total).toBe(7);
    expect(all.items.every((c) => c.allowedActions.update)).toBe(true);
  });
});

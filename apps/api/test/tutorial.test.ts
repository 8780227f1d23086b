import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type TestStack } from "../src/testing/index.ts";
import { dialectsWithMariadb, stackOn } from "./support/stack.ts";

// The requests of the Cerbos contacts-directory tutorial, through real HTTP and a real PDP.
describe.each(dialectsWithMariadb)("the tutorial's requests (%s)", (dialect) => {
  let app: TestStack;
  beforeAll(async () => {
    app = await stackOn(dialect);
  });
  afterAll(() => app?.stop());

  it("john reads contact 1, which he owns", async () => {
    const john = await app.as("john");
    const contact = await john.contacts.get.query({ id: 1 });
    expect(contact).toMatchObject({
      id: 1,
      firstName: "Nick",
      lastName: "Smyth",
      ownerId: "john",
      company: { id: 1, name: "Coca Cola" },
      allowedActions: { read: true, update: true, delete: true },
    });
  });

  it("john may not read contact 4 (sarah's, inactive): FORBIDDEN with the Cerbos call id", async () => {
    const john = await app.as("john");
    const error = await errorOf(john.contacts.get.query({ id: 4 }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.httpStatus).toBe(403);
    expect(error.cerbosCallId).toMatch(/^[0-9A-Z]{26}$/);
    expect(error.message).toMatchInlineSnapshot(`"You are not allowed to do this."`);
  });

  it("john (Sales) creates a contact and owns it; geri (Marketing) may not create", async () => {
    const john = await app.as("john");
    const created = await john.contacts.create.mutate({
      organizationId: 1,
      firstName: "Tutorial",
      lastName: "Contact",
      companyId: 1,
    });
    expect(created).toMatchObject({
      ownerId: "john",
      organizationId: 1,
      isActive: true,
      marketingOptIn: false,
      allowedActions: { read: true, update: true, delete: true },
    });
    expect(await john.contacts.get.query({ id: created.id })).toMatchObject({ firstName: "Tutorial" });
    expect(await john.contacts.permissions.query({ organizationId: 1 })).toEqual({ canCreate: true, reasons: [] });

    const geri = await app.as("geri");
    expect(await geri.contacts.permissions.query({ organizationId: 1 })).toEqual({
      canCreate: false,
      reasons: ["Only the Sales department may add contacts."],
    });
    const error = await errorOf(geri.contacts.create.mutate({ organizationId: 1, firstName: "No", lastName: "Way" }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.cerbosCallId).toBeTruthy();
  });

  it("john deletes contact 1 (his own) but not contact 3 (sarah's)", async () => {
    const john = await app.as("john");
    expect(await john.contacts.delete.mutate({ id: 1 })).toEqual({ id: 1 });
    expect((await errorOf(john.contacts.get.query({ id: 1 }))).code).toBe("NOT_FOUND");

    const error = await errorOf(john.contacts.delete.mutate({ id: 3 }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.cerbosCallId).toBeTruthy();
    const sarah = await app.as("sarah");
    expect(await sarah.contacts.get.query({ id: 3 })).toMatchObject({ id: 3, firstName: "Mary" });
  });
});

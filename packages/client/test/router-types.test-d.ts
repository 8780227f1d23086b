import { describe, expectTypeOf, it } from "vitest";
import { type Client, createClient, type RouterInputs, type RouterOutputs } from "../src/index.ts";

// Compiled by `tsc --noEmit` (the package's typecheck) and by vitest's typecheck mode, never run:
// each @ts-expect-error fails the build if the mistake below it stops being a type error.
const client: Client = createClient({ url: "http://127.0.0.1:9/trpc", getToken: () => null });

describe("the client's types follow the API router", () => {
  it("types contacts.list input and output", () => {
    expectTypeOf<NonNullable<Exclude<RouterInputs["contacts"]["list"], void>>>().toHaveProperty("search");
    type Item = RouterOutputs["contacts"]["list"]["items"][number];
    expectTypeOf<Item["allowedActions"]>().toEqualTypeOf<{ read: boolean; update: boolean; delete: boolean }>();
    expectTypeOf<Item["tags"]>().toEqualTypeOf<string[]>();
    // null only when asked `withTotal: false` (no count statement).
    expectTypeOf<RouterOutputs["contacts"]["list"]["total"]>().toEqualTypeOf<number | null>();
    expectTypeOf<NonNullable<Exclude<RouterInputs["contacts"]["list"], void>>["withTotal"]>().toEqualTypeOf<
      boolean | undefined
    >();
    expectTypeOf(client.contacts.list.query).returns.resolves.toEqualTypeOf<RouterOutputs["contacts"]["list"]>();
  });

  it("types auth.login", () => {
    expectTypeOf<RouterInputs["auth"]["login"]>().toEqualTypeOf<{ username: string; password: string }>();
    expectTypeOf<RouterOutputs["auth"]["login"]["token"]>().toEqualTypeOf<string>();
  });

  it("rejects a misspelled procedure", () => {
    // Arrow functions: typed, never called.
    // @ts-expect-error `lst` is not a procedure of contacts
    const misspelledProcedure = () => client.contacts.lst.query();
    // @ts-expect-error there is no `contact` router (it is `contacts`)
    const misspelledRouter = () => client.contact.list.query();
    expectTypeOf(misspelledProcedure).toBeFunction();
    expectTypeOf(misspelledRouter).toBeFunction();
  });

  it("rejects a wrong input shape", () => {
    // @ts-expect-error limit is a number, not a string
    expectTypeOf(client.contacts.list.query).toBeCallableWith({ limit: "10" });
    // @ts-expect-error login needs a password
    expectTypeOf(client.auth.login.mutate).toBeCallableWith({ username: "john" });
    // @ts-expect-error a query has no mutate
    expectTypeOf(client.contacts.list.mutate).toBeFunction();
  });
});

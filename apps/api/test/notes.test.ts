import { HTTP } from "@cerbos/http";
import { createOracle, readNotes, readPrincipal } from "@repo/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ApiClient, errorOf, seedUsernames, type TestStack } from "../src/testing/index.ts";
import { dialectsWithMariadb, stackOn } from "./support/stack.ts";

// Contact 3 is sarah's (Acme, active, no marketing opt-in): john (Sales) and alice read it,
// geri (Marketing) does not; ivan and olga are in Globex. Contact 8 is bruno's (Globex; bruno is banned).
describe.each(dialectsWithMariadb)("notes on contacts (%s)", (dialect) => {
  let app: TestStack;
  const as: Record<string, ApiClient> = {};
  const ids: Record<"private" | "team" | "organization", number> = { private: 0, team: 0, organization: 0 };
  beforeAll(async () => {
    app = await stackOn(dialect);
    for (const user of seedUsernames) as[user] = await app.as(user);
    for (const visibility of ["private", "team", "organization"] as const) {
      const note = await as.john!.notes.create.mutate({ contactId: 3, body: `john's ${visibility} note`, visibility });
      expect(note).toMatchObject({
        contactId: 3,
        author: { id: "john", name: "John Sales" },
        visibility,
        allowedActions: { read: true, update: true, delete: true },
      });
      ids[visibility] = note.id;
    }
  });
  afterAll(() => app?.stop());

  const visible = async (user: string, contactId = 3) =>
    (await as[user]!.notes.list.query({ contactId })).items.map((note) => note.visibility).sort();

  it("shows private notes to the author only, team ones to the contact's owner too, organization ones to every member", async () => {
    expect(await visible("john")).toEqual(["organization", "private", "team"]);
    expect(await visible("sarah")).toEqual(["organization", "team"]);
    expect(await visible("geri")).toEqual(["organization"]);
    expect(await visible("alice")).toEqual(["organization", "private", "team"]);
    const sarahsTeam = await as.sarah!.notes.get.query({ id: ids.team });
    expect(sarahsTeam.allowedActions).toEqual({ read: true, update: false, delete: false });
    const denied = await errorOf(as.sarah!.notes.get.query({ id: ids.private }));
    expect(denied.code).toBe("FORBIDDEN");
    expect(denied.cerbosCallId).toMatch(/^[0-9A-Z]{26}$/);
  });

  it("lists exactly what CheckResources allows, row by row, for every user (the shared oracle)", async () => {
    const oracle = createOracle(new HTTP(inject("cerbosUrl")));
    const notes = await readNotes(app.sql, 3);
    for (const user of ["john", "sarah", "geri", "alice", "bill"]) {
      const readable = await oracle.allowed((await readPrincipal(app.sql, user))!, notes);
      const listed = user === "bill" ? [] : (await as[user]!.notes.list.query({ contactId: 3 })).items;
      expect(listed.map((note) => String(note.id)).sort(), user).toEqual([...readable].sort());
    }
  });

  it("lets those who may read the contact write notes on it, in their own name", async () => {
    const geriOnThree = await errorOf(as.geri!.notes.create.mutate({ contactId: 3, body: "hi", visibility: "team" }));
    expect(geriOnThree.code).toBe("FORBIDDEN");
    const geriOnOne = await as.geri!.notes.create.mutate({ contactId: 1, body: "Geri was here" });
    expect(geriOnOne).toMatchObject({ author: { id: "geri" }, visibility: "private" });
    expect(await visible("john", 1)).toEqual([]);
  });

  it("lets only the author (or an admin) edit and delete", async () => {
    expect((await errorOf(as.sarah!.notes.update.mutate({ id: ids.team, body: "mine now" }))).code).toBe("FORBIDDEN");
    expect((await errorOf(as.sarah!.notes.delete.mutate({ id: ids.team }))).code).toBe("FORBIDDEN");
    const moved = await as.john!.notes.update.mutate({ id: ids.private, visibility: "team" });
    expect(moved).toMatchObject({ visibility: "team", body: "john's private note" });
    expect(await visible("sarah")).toEqual(["organization", "team", "team"]);
    expect(await as.alice!.notes.update.mutate({ id: ids.private, body: "edited by an admin" })).toMatchObject({
      author: { id: "john" },
      body: "edited by an admin",
    });
    expect(await as.john!.notes.delete.mutate({ id: ids.private })).toEqual({ id: ids.private });
    expect((await errorOf(as.john!.notes.get.query({ id: ids.private }))).code).toBe("NOT_FOUND");
  });

  it("isolates tenants through the contact's organization: NOT_FOUND, as for a missing note", async () => {
    for (const call of [
      () => as.ivan!.notes.list.query({ contactId: 3 }),
      () => as.ivan!.notes.get.query({ id: ids.organization }),
      () => as.olga!.notes.update.mutate({ id: ids.organization, body: "x" }),
      () => as.ivan!.notes.create.mutate({ contactId: 3, body: "x" }),
    ]) {
      const error = await errorOf(call());
      expect(error).toMatchObject({ code: "NOT_FOUND", cerbosCallId: undefined });
    }
    expect((await errorOf(as.ivan!.notes.get.query({ id: 99_999 }))).message).toBe("Note not found.");
  });

  it("lets a banned user read but write nothing, not even on his own contact", async () => {
    const onEight = await as.alice!.notes.create.mutate({
      contactId: 8,
      body: "for Globex",
      visibility: "organization",
    });
    expect((await as.bruno!.notes.list.query({ contactId: 8 })).items.map((note) => note.id)).toEqual([onEight.id]);
    expect((await errorOf(as.bruno!.notes.create.mutate({ contactId: 8, body: "x" }))).code).toBe("FORBIDDEN");
    expect((await as.bill!.notes.get.query({ id: onEight.id })).allowedActions).toEqual({
      read: true,
      update: false,
      delete: false,
    });
  });

  it("goes with its contact when the contact is deleted", async () => {
    await as.john!.notes.create.mutate({ contactId: 2, body: "on john's own contact" });
    expect((await as.john!.notes.list.query({ contactId: 2 })).total).toBe(1);
    await as.john!.contacts.delete.mutate({ id: 2 });
    const rows = await app.sql.all<{ n: unknown }>(`SELECT COUNT(*) AS "n" FROM "notes" WHERE "contactId" = 2`);
    expect(Number(rows[0]?.n)).toBe(0);
  });
});

import type { Principal } from "@cerbos/core";

/** The resource kind of ./hostile.yaml. */
export const hostileResourceKind = "hostile";

/**
 * The principal the differential suite (and the plan-recording script) plans and checks with.
 * The list attributes are longer than 10 items on purpose: the 0.51 planner unrolls
 * `exists`/`all` over shorter principal lists, and ships the literal list inside the lambda
 * over longer ones. `smallNames` stays short (`exists_one` over a literal list is never
 * unrolled, whatever its length).
 */
export const hostilePrincipal: Principal = {
  id: "hostile-user",
  roles: ["user"],
  attr: {
    department: "Sales",
    threshold: 42,
    // A hierarchy position (principal-side hierarchy functions fold it into the plan).
    home: "a.b",
    bigNames: ["Alpha", "a_b", "100%", "Émile", "back\\slash", "x", "y", "z", "Zed", "日本", "😀", "urgent"],
    smallNames: ["Alpha", "alpha", "ALPHA"],
    bigTags: ["vip", "new", "blocked-not", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "Vip"],
    ids: ["r0001", "r0002", "r0003", "r0010", "r0020", "r0030", "r0100", "r0200", "r0300", "r0400", "r0500", "r0999"],
    // Long enough that an OR chain over it exceeds SQLite's expression depth limit (1000).
    hugeNames: [...Array.from({ length: 1200 }, (_, index) => `name-${index}`), "a_b", "Zed", "😀"],
    // Maps in a list longer than 10: the planner ships them as a literal list of structs. Two
    // items lack `min`: reading it is an evaluation error for exactly those items.
    grants: [
      { name: "Alpha", min: 0 },
      { name: "a_b", min: 100 },
      { name: "100%", min: -5 },
      { name: "Émile", min: 42 },
      { name: "x", min: 1000 },
      { name: "y" },
      { name: "z", min: 2147483647 },
      { name: "Zed", min: 10 },
      { name: "日本", min: 0 },
      { name: "😀" },
      { name: "urgent", min: 90 },
      { name: "", min: 3 },
    ],
    emails: [
      "a@example.com",
      "b@example.com",
      "c@example.org",
      "A@example.com",
      "%@example.com",
      "_@x.io",
      "e1@x.io",
      "e2@x.io",
      "e3@x.io",
      "e4@x.io",
      "e5@x.io",
      "ü@x.io",
    ],
  },
};

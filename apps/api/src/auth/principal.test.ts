import { describe, expect, it } from "vitest";
import type { MembershipModel, UserModel } from "../db/models/index.ts";
import { principalOf } from "./principal.ts";

describe("principalOf", () => {
  it("groups organization ids by the rights their membership roles give (an owner has them all)", () => {
    const user = { id: "sarah", role: "user", department: "Sales", isBanned: false } as UserModel;
    const memberships = [
      { organizationId: 2, role: "member" },
      { organizationId: 1, role: "owner" },
      { organizationId: 3, role: "billing" },
    ] as MembershipModel[];
    expect(principalOf(user, memberships)).toEqual({
      id: "sarah",
      roles: ["user"],
      attr: {
        department: "Sales",
        isBanned: false,
        organizationIds: [1, 2, 3],
        memberOrgIds: [1, 2],
        billingOrgIds: [1, 3],
        ownerOrgIds: [1],
      },
    });
  });
});

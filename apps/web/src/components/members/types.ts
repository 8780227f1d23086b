import type { RouterInputs, RouterOutputs } from "@repo/client";

export type Member = RouterOutputs["organizations"]["members"][number];
export type MemberRole = RouterInputs["organizations"]["assignRole"]["role"];
export const memberRoles: MemberRole[] = ["member", "billing", "owner"];

/** A user an admin may add (from users.list); owners type a username instead. */
export interface UserOption {
  id: string;
  name: string;
  username: string;
}

export const roleTone = { owner: "amber", billing: "green", member: "neutral" } as const;

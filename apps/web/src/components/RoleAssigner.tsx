import type { RouterInputs, RouterOutputs } from "@repo/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

type Member = RouterOutputs["organizations"]["members"][number];
type Role = RouterInputs["organizations"]["assignRole"]["role"];
const roles: Role[] = ["member", "billing", "owner"];

/** A role select and an "Assign role" button for one member; the API refuses demoting the last owner. */
export function RoleAssigner({ organizationId, member }: { organizationId: number; member: Member }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [role, setRole] = useState<Role>(member.role);
  const assign = useMutation(
    trpc.organizations.assignRole.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.organizations.pathFilter()),
    }),
  );
  return (
    <div className="row-actions">
      <label htmlFor={id} className="visually-hidden">
        Role for {member.name}
      </label>
      <select id={id} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <button
        type="button"
        aria-label={`Assign role to ${member.name}`}
        disabled={assign.isPending || role === member.role}
        onClick={() => assign.mutate({ organizationId, userId: member.userId, role })}
      >
        Assign role
      </button>
      {assign.isSuccess && role === member.role && <span role="status">Saved</span>}
      {assign.error && <ErrorMessage error={assign.error} />}
    </div>
  );
}

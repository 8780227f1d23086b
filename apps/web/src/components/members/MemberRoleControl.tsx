import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "../../lib/toast-store.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { Button } from "../ui/button.tsx";
import { type Member, type MemberRole, memberRoles } from "./types.ts";

interface Props {
  organizationId: number;
  member: Member;
  /** A refusal (the last owner cannot be demoted: CONFLICT) goes to the manager's alert. */
  onError: (error: unknown, action: string) => void;
}

/** A role select and "Change role" for one member. */
export function MemberRoleControl({ organizationId, member, onError }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<MemberRole>(member.role);
  const assign = useMutation(
    trpc.organizations.assignRole.mutationOptions({
      onSuccess: async (result) => {
        toast({ title: `${member.name} is now ${result.role}` });
        await queryClient.invalidateQueries(trpc.organizations.pathFilter());
      },
      onError: (error) => {
        // The select goes back to the role the member still has.
        setRole(member.role);
        onError(error, `change ${member.name}'s role`);
      },
    }),
  );
  const id = `role-${member.userId}`;
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Role for {member.name}
      </label>
      <select
        id={id}
        className="input w-auto min-h-8 py-1"
        value={role}
        onChange={(e) => setRole(e.target.value as MemberRole)}
      >
        {memberRoles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <Button
        size="sm"
        aria-label={`Change role of ${member.name}`}
        disabled={assign.isPending || role === member.role}
        onClick={() => assign.mutate({ organizationId, userId: member.userId, role })}
      >
        {assign.isPending ? "Saving…" : "Change role"}
      </Button>
    </div>
  );
}

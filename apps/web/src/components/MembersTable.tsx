import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { RoleAssigner } from "./RoleAssigner.tsx";

interface Props {
  organizationId: number;
  /** From the organization's allowedActions: the policy gives this to owners. */
  canAssignRoles: boolean;
}

/** The organization's members and roles; those who may assign roles get a picker on each row. */
export function MembersTable({ organizationId, canAssignRoles }: Props) {
  const trpc = useTRPC();
  const members = useQuery(trpc.organizations.members.queryOptions({ organizationId }));
  if (members.error) return <ErrorMessage error={members.error} />;
  if (!members.data)
    return (
      <p role="status" className="muted">
        Loading members…
      </p>
    );
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <table className="members">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            {canAssignRoles && <th scope="col">Change role</th>}
          </tr>
        </thead>
        <tbody>
          {members.data.map((member) => (
            <tr key={member.userId} data-username={member.username}>
              <td>{member.name}</td>
              <td>{member.username}</td>
              <td>{member.role}</td>
              {canAssignRoles && (
                <td>
                  <RoleAssigner organizationId={organizationId} member={member} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

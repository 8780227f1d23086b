import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { describeError, type ErrorDescription } from "../../lib/errors.ts";
import { useTRPC } from "../../lib/trpc.ts";
import type { Organization } from "../../lib/use-organization.ts";
import { ErrorState } from "../ErrorState.tsx";
import { Alert } from "../ui/alert.tsx";
import { Badge } from "../ui/badge.tsx";
import { Button } from "../ui/button.tsx";
import { Card } from "../ui/card.tsx";
import { type Column, DataTable } from "../ui/data-table.tsx";
import { SkeletonList } from "../ui/skeleton.tsx";
import { AddMemberForm } from "./AddMemberForm.tsx";
import { MemberRoleControl } from "./MemberRoleControl.tsx";
import { RemoveMemberButton } from "./RemoveMemberButton.tsx";
import { type Member, roleTone, type UserOption } from "./types.ts";

interface Props {
  organization: Organization;
  /** For admins: the users to pick from when adding a member. */
  users?: UserOption[];
}

/** Members and roles; changing roles, adding and removing only where the organization's allowedActions say so. */
export function MembersManager({ organization, users }: Props) {
  const trpc = useTRPC();
  const members = useQuery(trpc.organizations.members.queryOptions({ organizationId: organization.id }));
  const [problem, setProblem] = useState<{ action: string; description: ErrorDescription } | null>(null);
  const { assignRole, addMember, removeMember } = organization.allowedActions;
  const onError = (error: unknown, action: string) => setProblem({ action, description: describeError(error) });

  if (members.error) return <ErrorState error={members.error} onRetry={() => members.refetch()} />;
  if (!members.data) return <SkeletonList label="Loading members…" rows={4} />;
  const memberIds = new Set(members.data.map((m) => m.userId));

  const columns: Column<Member>[] = [
    {
      key: "name",
      label: "Name",
      card: "title",
      cell: (m) => (
        <span className="flex flex-col">
          <span className="font-medium">{m.name}</span>
          <span className="text-sm font-normal text-slate-600">{m.username}</span>
        </span>
      ),
    },
    { key: "role", label: "Role", cell: (m) => <Badge tone={roleTone[m.role]}>{m.role}</Badge> },
  ];
  if (assignRole) {
    columns.push({
      key: "change",
      label: "Change role",
      cell: (m) => <MemberRoleControl key={m.role} organizationId={organization.id} member={m} onError={onError} />,
    });
  }

  return (
    <Card aria-labelledby="members-heading" className="flex flex-col gap-4">
      <h2 id="members-heading" className="text-lg font-semibold">
        Members <span className="font-normal text-slate-600">({members.data.length})</span>
      </h2>
      {problem && (
        <Alert
          tone="error"
          title={`Could not ${problem.action}: ${problem.description.title.toLowerCase()}`}
          testId="members-problem"
        >
          <p>{problem.description.detail}</p>
          <Button size="sm" variant="ghost" className="mt-1 -ml-2.5" onClick={() => setProblem(null)}>
            Dismiss
          </Button>
        </Alert>
      )}
      <DataTable
        caption={`Members of ${organization.name}`}
        rows={members.data}
        columns={columns}
        rowKey={(m) => m.userId}
        rowData={(m) => ({ "data-username": m.username })}
        actions={removeMember ? (m) => <RemoveMemberButton organization={organization} member={m} /> : undefined}
        empty={<p className="text-slate-600">No members yet.</p>}
      />
      {addMember && (
        <div className="flex flex-col gap-2 border-t border-slate-200 pt-4">
          <h3 className="font-semibold">Add a member</h3>
          <AddMemberForm organization={organization} candidates={users?.filter((u) => !memberIds.has(u.id))} />
        </div>
      )}
    </Card>
  );
}

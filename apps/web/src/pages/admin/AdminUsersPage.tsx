import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Badge } from "../../components/ui/badge.tsx";
import { type Column, DataTable } from "../../components/ui/data-table.tsx";
import { SelectField, TextField } from "../../components/ui/field.tsx";
import { Page } from "../../components/ui/page.tsx";
import { SkeletonList } from "../../components/ui/skeleton.tsx";
import { itemsOf } from "../../lib/list-items.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { isRetryable } from "../../lib/use-retry.ts";
import { AdminNav } from "./AdminNav.tsx";
import { type AdminUser, BanButton } from "./BanButton.tsx";

interface Filters {
  search: string;
  role: string;
  status: "any" | "banned" | "active";
}

function matches(user: AdminUser, { search, role, status }: Filters): boolean {
  const text = `${user.name} ${user.username} ${user.email ?? ""}`.toLowerCase();
  if (search && !text.includes(search.trim().toLowerCase())) return false;
  if (role && user.role !== role) return false;
  if (status === "banned" && !user.isBanned) return false;
  if (status === "active" && user.isBanned) return false;
  return true;
}

const columns: Column<AdminUser>[] = [
  {
    key: "name",
    label: "Name",
    card: "title",
    cell: (u) => (
      <span className="flex flex-col">
        <span className="font-medium">{u.name}</span>
        <span className="text-sm font-normal text-slate-600">{u.username}</span>
      </span>
    ),
  },
  { key: "role", label: "Role", cell: (u) => <Badge tone={u.role === "admin" ? "amber" : "neutral"}>{u.role}</Badge> },
  { key: "department", label: "Department", cell: (u) => u.department ?? "—" },
  {
    key: "status",
    label: "Status",
    cell: (u) => (u.isBanned ? <Badge tone="red">Banned</Badge> : <Badge tone="green">Active</Badge>),
  },
];

/** Users (admins only: policies/user.yaml), with ban and unban behind a confirmation. */
export function AdminUsersPage({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const users = useQuery(trpc.users.list.queryOptions());
  const [filters, setFilters] = useState<Filters>({ search: "", role: "", status: "any" });
  const set = (change: Partial<Filters>) => setFilters((current) => ({ ...current, ...change }));
  const all = itemsOf<AdminUser>(users.data);
  const rows = all.filter((user) => matches(user, filters));

  return (
    <Page title="Users" subtitle="Admin console: everyone who can sign in, their roles and bans.">
      <AdminNav current="users" />
      {users.error && (
        <ErrorState error={users.error} onRetry={isRetryable(users.error) ? () => users.refetch() : undefined} />
      )}
      {users.isPending && <SkeletonList label="Loading users…" />}
      {users.data && (
        <>
          <search aria-label="Filter users" className="grid grid-cols-2 items-end gap-3 md:grid-cols-[2fr_1fr_1fr]">
            <TextField
              id="users-search"
              className="col-span-2 md:col-span-1"
              label="Search"
              type="search"
              placeholder="Name, username or email"
              maxLength={100}
              value={filters.search}
              onChange={(e) => set({ search: e.target.value })}
            />
            <SelectField
              id="users-role"
              label="Role"
              value={filters.role}
              onChange={(e) => set({ role: e.target.value })}
            >
              <option value="">Any role</option>
              <option value="admin">admin</option>
              <option value="user">user</option>
            </SelectField>
            <SelectField
              id="users-status"
              label="Status"
              value={filters.status}
              onChange={(e) => set({ status: e.target.value as Filters["status"] })}
            >
              <option value="any">Any status</option>
              <option value="active">Active</option>
              <option value="banned">Banned</option>
            </SelectField>
          </search>
          <p role="status" className="text-sm text-slate-700" data-testid="users-total">
            {rows.length} of {all.length} users
          </p>
          <DataTable
            caption="Users"
            rows={rows}
            columns={columns}
            rowKey={(u) => u.id}
            rowData={(u) => ({ "data-user-id": u.id })}
            actions={(u) => (u.id === currentUserId ? <Badge>This is you</Badge> : <BanButton user={u} />)}
            empty={
              <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center">
                No users match these filters.
              </p>
            }
          />
        </>
      )}
    </Page>
  );
}

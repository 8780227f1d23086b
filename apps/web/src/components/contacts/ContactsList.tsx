import type { RouterOutputs } from "@repo/client";
import { useEffect } from "react";
import type { ContactListState } from "../../lib/contact-list-state.ts";
import { useRecentlySaved } from "../../lib/recently-saved.ts";
import { Badge } from "../ui/badge.tsx";
import { type Column, DataTable } from "../ui/data-table.tsx";
import { ContactRowActions } from "./ContactRowActions.tsx";
import { ariaSortOf, SortHeader } from "./SortHeader.tsx";

export type ContactRow = RouterOutputs["contacts"]["list"]["items"][number];

interface Props {
  items: ContactRow[];
  state: ContactListState;
  onChange: (state: ContactListState) => void;
}

const sortNames: Record<ContactListState["sortBy"], string> = {
  firstName: "first name",
  lastName: "last name",
  company: "company",
  createdAt: "date added",
  updatedAt: "last update",
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

function columns(state: ContactListState, onChange: Props["onChange"]): Column<ContactRow>[] {
  const sortable = (field: "lastName" | "company" | "updatedAt", label: string) => ({
    header: <SortHeader field={field} label={label} state={state} onChange={onChange} />,
    ariaSort: ariaSortOf(field, state),
  });
  return [
    {
      key: "name",
      label: "Name",
      card: "title",
      ...sortable("lastName", "Name"),
      cell: (c) => (
        <a href={`#/contacts/${c.id}`} className="font-medium">
          {c.firstName} {c.lastName}
        </a>
      ),
    },
    { key: "company", label: "Company", ...sortable("company", "Company"), cell: (c) => c.company?.name ?? "—" },
    { key: "owner", label: "Owner", cell: (c) => c.owner.name },
    {
      key: "status",
      label: "Status",
      cell: (c) => (c.isActive ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>),
    },
    {
      key: "tags",
      label: "Tags",
      cell: (c) =>
        c.tags.length === 0 ? (
          <span className="text-slate-600">—</span>
        ) : (
          <span className="flex flex-wrap gap-1">
            {c.tags.map((tag) => (
              <Badge key={tag} tone="blue">
                {tag}
              </Badge>
            ))}
          </span>
        ),
    },
    {
      key: "updated",
      label: "Updated",
      ...sortable("updatedAt", "Updated"),
      className: "whitespace-nowrap",
      cell: (c) => dateFormat.format(new Date(c.updatedAt)),
    },
  ];
}

/** Exactly the rows contacts.list returned (the API already filtered them by policy). */
export function ContactsList({ items, state, onChange }: Props) {
  const saved = useRecentlySaved();
  // The row just saved may be below the fold: bring it into view once.
  useEffect(() => {
    if (saved === null) return;
    document.querySelector(`[data-contact-id="${saved}"]`)?.scrollIntoView({ block: "nearest" });
  }, [saved]);
  return (
    <DataTable
      caption={`Contacts you may see, sorted by ${sortNames[state.sortBy]}`}
      rows={items}
      columns={columns(state, onChange)}
      rowKey={(c) => c.id}
      rowData={(c) => ({ "data-contact-id": String(c.id) })}
      highlighted={(c) => c.id === saved}
      actions={(c) => <ContactRowActions contact={c} />}
      empty={
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center" data-testid="empty">
          <p className="font-medium">No contacts match these filters.</p>
          <p className="text-sm text-slate-600">Change or clear the filters to see more.</p>
        </div>
      }
    />
  );
}

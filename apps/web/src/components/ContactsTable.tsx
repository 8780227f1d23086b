import type { RouterOutputs } from "@repo/client";
import type { ContactListState } from "../lib/contact-list-state.ts";
import { ContactRowActions } from "./ContactRowActions.tsx";
import { SortHeader } from "./SortHeader.tsx";

export type ContactRow = RouterOutputs["contacts"]["list"]["items"][number];

interface Props {
  items: ContactRow[];
  state: ContactListState;
  onChange: (state: ContactListState) => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** Exactly the rows contacts.list returned: the API already filtered them by policy. */
export function ContactsTable({ items, state, onChange }: Props) {
  if (items.length === 0) return <p className="empty">No contacts match these filters.</p>;
  const sortProps = { state, onChange };
  return (
    <table className="contacts">
      <caption className="visually-hidden">Contacts you may see, sorted by {state.sortBy}</caption>
      <thead>
        <tr>
          <SortHeader field="firstName" label="First name" {...sortProps} />
          <SortHeader field="lastName" label="Last name" {...sortProps} />
          <SortHeader field="company" label="Company" {...sortProps} />
          <th scope="col">Owner</th>
          <th scope="col">Status</th>
          <th scope="col">Tags</th>
          <SortHeader field="updatedAt" label="Updated" {...sortProps} />
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {items.map((contact) => (
          <tr key={contact.id} data-contact-id={contact.id}>
            <td>{contact.firstName}</td>
            <td>{contact.lastName}</td>
            <td>{contact.company?.name ?? "—"}</td>
            <td>{contact.owner.name}</td>
            <td>{contact.isActive ? "Active" : "Inactive"}</td>
            <td>
              {contact.tags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </td>
            <td>{dateFormat.format(new Date(contact.updatedAt))}</td>
            <td>
              <ContactRowActions contact={contact} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

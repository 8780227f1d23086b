import { errorCode } from "@repo/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "../../lib/form/use-form.ts";
import { addMemberSchema, maxLengthOf } from "../../lib/schemas.ts";
import { toast } from "../../lib/toast-store.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { ErrorMessage } from "../ErrorMessage.tsx";
import { Button } from "../ui/button.tsx";
import { SelectField, TextField } from "../ui/field.tsx";
import { type MemberRole, memberRoles, type UserOption } from "./types.ts";

interface Props {
  organization: { id: number; name: string };
  /** Admins pick from the users they may list; owners type a username. */
  candidates?: UserOption[];
}

const fields = {
  userId: { label: "User", missing: "Choose who to add." },
  role: { label: "Role" },
};

export function AddMemberForm({ organization, candidates }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    id: "add-member",
    schema: addMemberSchema,
    fields,
    initial: { userId: "", role: "member" as MemberRole },
  });
  // A missing user or an existing member is a problem with the field, said there; the rest above the button.
  const [fieldError, setFieldError] = useState<string | null>(null);
  const add = useMutation(
    trpc.organizations.addMember.mutationOptions({
      onSuccess: async (result) => {
        toast({ title: `Added ${result.userId} as ${result.role}`, description: `To ${organization.name}.` });
        form.reset();
        await queryClient.invalidateQueries(trpc.organizations.pathFilter());
      },
      onError: (error) => {
        const code = errorCode(error);
        if (code === "NOT_FOUND") setFieldError("No user has this username.");
        else if (code === "CONFLICT") setFieldError(error.message);
        else setFieldError(null);
      },
    }),
  );
  const userError = fieldError ?? form.error("userId");
  const userProps = {
    id: form.fieldId("userId"),
    label: candidates ? "User" : "Username",
    required: true,
    value: form.values.userId,
    error: userError ?? undefined,
    onBlur: () => form.blur("userId"),
  };
  const setUser = (value: string) => {
    setFieldError(null);
    form.set("userId", value);
  };
  const otherError = add.error && errorCode(add.error) !== "NOT_FOUND" && errorCode(add.error) !== "CONFLICT";

  return (
    <form
      aria-label="Add a member"
      noValidate
      className="grid items-start gap-3 sm:grid-cols-[1fr_10rem_auto]"
      onSubmit={form.submit((input) => add.mutate({ organizationId: organization.id, ...input }))}
    >
      {candidates ? (
        <SelectField {...userProps} onChange={(e) => setUser(e.target.value)}>
          <option value="">Choose a user…</option>
          {candidates.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name} ({user.username})
            </option>
          ))}
        </SelectField>
      ) : (
        <TextField
          {...userProps}
          maxLength={maxLengthOf(addMemberSchema.shape.userId)}
          autoCapitalize="none"
          spellCheck={false}
          onChange={(e) => setUser(e.target.value)}
        />
      )}
      <SelectField
        id={form.fieldId("role")}
        label="Role"
        value={form.values.role}
        onChange={(e) => form.set("role", e.target.value as MemberRole)}
      >
        {memberRoles.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="primary" className="sm:mt-7" disabled={add.isPending}>
        {add.isPending ? "Adding…" : "Add member"}
      </Button>
      {otherError && (
        <div className="sm:col-span-3">
          <ErrorMessage error={add.error} />
        </div>
      )}
    </form>
  );
}

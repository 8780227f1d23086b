import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, useEffect, useState } from "react";
import { DemoUsers } from "../components/DemoUsers.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { IdpSignInButton } from "../components/IdpSignInButton.tsx";
import { Alert } from "../components/ui/alert.tsx";
import { Button } from "../components/ui/button.tsx";
import { Card } from "../components/ui/card.tsx";
import { RequiredNote, TextField } from "../components/ui/field.tsx";
import { appName, usePageTitle } from "../components/ui/page.tsx";
import { describeSignInError } from "../lib/errors.ts";
import { useForm } from "../lib/form/use-form.ts";
import { maxLengthOf, signInSchema } from "../lib/schemas.ts";
import { dropSignOutNotice, peekSignOutNotice, saveSession } from "../lib/session.ts";
import { useTRPC } from "../lib/trpc.ts";

const fields = {
  username: { label: "Username", missing: "Enter your username." },
  password: { label: "Password", missing: "Enter your password." },
};

export function SignInPage() {
  usePageTitle("Sign in");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice] = useState(peekSignOutNotice);
  // Shown now: a reload of this page no longer shows it.
  useEffect(dropSignOutNotice, []);
  const form = useForm({ id: "sign-in", schema: signInSchema, fields, initial: { username: "", password: "" } });
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: ({ token, user }) => {
        queryClient.clear();
        saveSession({ token, user });
        if (!window.location.hash.startsWith("#/") || window.location.hash === "#/sign-in") {
          window.location.hash = "#/contacts";
        }
      },
    }),
  );
  const field = (name: "username" | "password") => ({
    id: form.fieldId(name),
    name,
    label: fields[name].label,
    required: true,
    maxLength: maxLengthOf(signInSchema.shape[name]),
    value: form.values[name],
    error: form.error(name),
    onChange: (e: ChangeEvent<HTMLInputElement>) => form.set(name, e.target.value),
    onBlur: () => form.blur(name),
  });

  return (
    <main id="main" className="mx-auto flex w-full max-w-md flex-col gap-4 px-4 py-10">
      <p className="text-center text-lg font-bold">
        {appName}
        <span className="text-blue-700">.</span>
      </p>
      <h1 tabIndex={-1} className="text-center text-2xl font-semibold">
        Sign in
      </h1>
      {notice && !login.error && (
        <Alert tone="warning" title={notice.title} testId="sign-out-notice">
          <p>{notice.detail}</p>
        </Alert>
      )}
      <Card aria-label="Sign in">
        <form className="flex flex-col gap-4" noValidate onSubmit={form.submit((input) => login.mutate(input))}>
          <RequiredNote />
          <TextField {...field("username")} autoComplete="username" autoCapitalize="none" spellCheck={false} />
          <TextField {...field("password")} type="password" autoComplete="current-password" />
          {login.error && <ErrorMessage error={login.error} description={describeSignInError(login.error)} />}
          <Button type="submit" variant="primary" disabled={login.isPending}>
            {login.isPending ? "Signing in…" : "Sign in"}
          </Button>
        </form>
      </Card>
      <IdpSignInButton />
      {import.meta.env.DEV && (
        <DemoUsers
          onPick={(username, password) => {
            form.set("username", username);
            form.set("password", password);
          }}
        />
      )}
    </main>
  );
}

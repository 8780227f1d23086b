import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { IdpSignInButton } from "../components/IdpSignInButton.tsx";
import { demoPassword, demoUsers } from "../lib/demo-users.ts";
import { saveSession } from "../lib/session.ts";
import { useTRPC } from "../lib/trpc.ts";

export function SignInPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: ({ token, user }) => {
        queryClient.clear();
        saveSession({ token, user });
        window.location.hash = "#/contacts";
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password });
  };

  return (
    <main className="page narrow">
      <h1>Sign in</h1>
      <form onSubmit={submit} className="card form" aria-label="Sign in">
        <label>
          Username
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {login.error && <ErrorMessage error={login.error} />}
        <button type="submit" className="primary" disabled={login.isPending}>
          {login.isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <IdpSignInButton />
      <section className="card" aria-labelledby="demo-users">
        <h2 id="demo-users">Demo users</h2>
        <p className="muted">
          Every demo user's password is <code>{demoPassword}</code>. Pick one to fill the form.
        </p>
        <ul className="demo-users">
          {demoUsers.map((user) => (
            <li key={user.username}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  setUsername(user.username);
                  setPassword(demoPassword);
                }}
              >
                {user.username}
              </button>
              <span className="muted">{user.description}</span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

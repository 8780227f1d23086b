import { demoPassword, demoUsers } from "../lib/demo-users.ts";
import { Card } from "./ui/card.tsx";

/** The seeded demo accounts. Development builds only: SignInPage renders this under import.meta.env.DEV. */
export function DemoUsers({ onPick }: { onPick: (username: string, password: string) => void }) {
  return (
    <Card aria-labelledby="demo-users">
      <h2 id="demo-users" className="text-lg font-semibold">
        Demo users
      </h2>
      <p className="text-sm text-slate-600">
        Development data: every password is <code>{demoPassword}</code>. Pick one to fill the form.
      </p>
      <ul className="mt-3 grid gap-1.5">
        {demoUsers.map((user) => (
          <li key={user.username} className="flex flex-wrap items-baseline gap-x-3">
            <button
              type="button"
              className="font-medium text-blue-700 underline"
              onClick={() => onPick(user.username, demoPassword)}
            >
              {user.username}
            </button>
            <span className="text-sm text-slate-600">{user.description}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

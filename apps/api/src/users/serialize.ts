import type { UserModel } from "./kind.ts";

/** A user as the API shows it (auth.login, auth.me, users.*): never the password hash or token version. */
export function publicUser(user: UserModel) {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    email: user.email,
    role: user.role,
    department: user.department,
    isBanned: user.isBanned,
  };
}

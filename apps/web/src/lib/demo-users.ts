/** The seeded demo accounts (dev data only; the API's README lists the same ones). */
export const demoPassword = "password123";

export const demoUsers: { username: string; description: string }[] = [
  { username: "alice", description: "Admin" },
  { username: "john", description: "Sales, Acme Corp" },
  { username: "sarah", description: "Sales, owner of Acme Corp, member of Globex Inc" },
  { username: "geri", description: "Marketing, Acme Corp" },
  { username: "ivan", description: "IT, member of Globex Inc" },
  { username: "bill", description: "Billing, Globex Inc" },
  { username: "olga", description: "Owner of Globex Inc" },
  { username: "bruno", description: "Banned" },
];

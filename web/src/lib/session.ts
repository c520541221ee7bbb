/** Who is signed in, shared by the pages (roles decide which buttons appear). */
import { createContext, useContext } from "react";
import type { Role, User } from "../api/types.ts";

export const SessionContext = createContext<User | null>(null);

export function useUser(): User {
  const user = useContext(SessionContext);
  if (!user) throw new Error("useUser outside a signed-in page");
  return user;
}

const RANK: Record<Role, number> = { viewer: 0, hr: 1, planner: 2, admin: 3 };

/** Whether the role may do what `needed` may (docs/api.md: each role includes the one below). */
export function may(user: User, needed: Role): boolean {
  return RANK[user.role] >= RANK[needed];
}

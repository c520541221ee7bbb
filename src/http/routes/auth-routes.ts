/**
 * Signing in and out (a session cookie), who am I, API tokens for scripts, and the users of
 * the organisation (admins add them). Passwords are checked against scrypt hashes by the
 * repository; a wrong e-mail and a wrong password get the same answer.
 */
import { z } from "zod";
import * as repo from "../../db/index.ts";
import type { Database } from "../../db/index.ts";
import { SESSION_COOKIE, readCookie } from "../app.ts";
import type { AuthCache } from "../auth-cache.ts";
import { idParams, loginBody, roleSchema, userSchema } from "../api-schemas.ts";
import { HttpError } from "../error-translator.ts";
import { defineRoute, type AnyRoute, type Caller } from "../route.ts";
import { actorOf } from "./day-routes.ts";

export function authRoutes(db: Database, options: { secureCookies: boolean; authCache: AuthCache }): AnyRoute[] {
  return [
    defineRoute({
      method: "post",
      path: "/auth/login",
      summary: "Sign in with e-mail and password; sets the session cookie",
      tag: "auth",
      role: "public",
      body: loginBody,
      response: z.object({ user: userSchema }),
      handler: async ({ body, res }) => {
        const user = await repo.verifyPassword(db, body.email, body.password);
        if (!user) throw new HttpError("UNAUTHENTICATED", "the e-mail address or the password is wrong");
        const session = await repo.createSession(db, user.id);
        res.cookie(SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: "lax",
          secure: options.secureCookies,
          path: "/",
          expires: session.expiresAt,
        });
        return { user: publicUser(user) };
      },
    }),
    defineRoute({
      method: "post",
      path: "/auth/logout",
      summary: "Sign out: ends the session",
      tag: "auth",
      role: "viewer",
      response: null,
      handler: async ({ req, res }) => {
        const token = readCookie(req.get("cookie"), SESSION_COOKIE);
        if (token) {
          await repo.deleteSession(db, token);
          options.authCache.forget(`session:${token}`);
        }
        res.clearCookie(SESSION_COOKIE, { path: "/" });
      },
    }),
    defineRoute({
      method: "get",
      path: "/auth/me",
      summary: "Who is signed in",
      tag: "auth",
      role: "viewer",
      response: z.object({ user: userSchema }),
      handler: async ({ caller }) => ({ user: callerUser(caller) }),
    }),
    defineRoute({
      method: "post",
      path: "/auth/tokens",
      summary: "A new API token for the caller (shown once)",
      tag: "auth",
      role: "viewer",
      body: z.strictObject({ name: z.string().min(1) }),
      response: z.object({ id: z.string(), token: z.string() }),
      status: 201,
      handler: async ({ body, caller }) => repo.createApiToken(db, caller.userId, body.name, actorOf(caller)),
    }),
    defineRoute({
      method: "get",
      path: "/users",
      summary: "The users of the organisation",
      tag: "auth",
      role: "admin",
      response: z.object({ users: z.array(userSchema) }),
      handler: async ({ caller }) => ({ users: (await repo.listUsers(db, caller.organisationId)).map(publicUser) }),
    }),
    defineRoute({
      method: "put",
      path: "/users/:id",
      summary: "Change a user's name, role or password (ends their sessions when role or password change)",
      tag: "auth",
      role: "admin",
      params: idParams,
      body: z.strictObject({
        name: z.string().min(1).optional(),
        role: roleSchema.optional(),
        password: z.string().min(10, "must be at least 10 characters").optional(),
      }),
      response: userSchema,
      handler: async ({ params, body, caller }) => {
        if (params.id === caller.userId && body.role !== undefined && body.role !== caller.role) {
          throw new HttpError("CONFLICT", "you cannot change your own role: ask another admin");
        }
        const user = await repo.updateUser(db, caller.organisationId, params.id, body, actorOf(caller));
        options.authCache.clear();
        return publicUser(user);
      },
    }),
    defineRoute({
      method: "delete",
      path: "/users/:id",
      summary: "Remove a user from the organisation",
      tag: "auth",
      role: "admin",
      params: idParams,
      response: null,
      handler: async ({ params, caller }) => {
        if (params.id === caller.userId) throw new HttpError("CONFLICT", "you cannot remove yourself: ask another admin");
        await repo.deleteUser(db, caller.organisationId, params.id, actorOf(caller));
        options.authCache.clear();
      },
    }),
    defineRoute({
      method: "post",
      path: "/users",
      summary: "Add a user to the organisation",
      tag: "auth",
      role: "admin",
      body: z.strictObject({
        email: z.email("must be an e-mail address"),
        name: z.string().min(1),
        role: roleSchema,
        password: z.string().min(10, "must be at least 10 characters"),
      }),
      response: userSchema,
      status: 201,
      handler: async ({ body, caller }) =>
        publicUser(await repo.createUser(db, { ...body, organisationId: caller.organisationId }, actorOf(caller))),
    }),
  ];
}

function publicUser(user: repo.User): z.infer<typeof userSchema> {
  return { id: user.id, email: user.email, name: user.name, role: user.role, organisation: user.organisation };
}

function callerUser(caller: Caller): z.infer<typeof userSchema> {
  return {
    id: caller.userId,
    email: caller.email,
    name: caller.name,
    role: caller.role,
    organisation: { id: caller.organisationId, name: caller.organisationName },
  };
}

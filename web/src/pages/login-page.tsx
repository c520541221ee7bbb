import { useState } from "react";
import type { FormEvent } from "react";
import { api, ApiError } from "../api/client.ts";
import type { User } from "../api/types.ts";
import { ButterflyMark } from "../components/butterfly-mark.tsx";

export function LoginPage({ onLogin }: { onLogin: (user: User) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user } = await api.login(email.trim(), password);
      onLogin(user);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? "E-mailadres of wachtwoord klopt niet."
          : err instanceof Error ? err.message : String(err),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title"><ButterflyMark size={28} /> vlinder</h1>
        <p className="muted">Planning van de enclaves — meld u aan.</p>
        <label>
          E-mailadres
          <input type="email" name="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Wachtwoord
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{busy ? "Bezig…" : "Inloggen"}</button>
      </form>
    </main>
  );
}

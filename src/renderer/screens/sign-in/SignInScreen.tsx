import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { useSession } from '../../stores/session';
import { LanguageSwitch } from '../../app/LanguageSwitch';

export function SignInScreen() {
  const m = useMessages();
  const { signIn, signingIn, error } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [demo, setDemo] = useState<{ usernames: string[]; password: string } | null>(null);
  const [inMemory, setInMemory] = useState(false);

  useEffect(() => {
    void api['session.demoAccess']({}).then((result) => setDemo(result.ok ? result.value : null));
    void api['session.tokenStorage']({}).then((result) => setInMemory(result.ok && result.value === 'memory'));
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signIn(username, password);
  };

  return (
    <div className="sign-in">
      <form className="sign-in-card" onSubmit={submit} aria-label={m.signIn.title}>
        <h1>{m.signIn.title}</h1>
        <label>
          <span>{m.signIn.username}</span>
          <input
            autoFocus
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          <span>{m.signIn.password}</span>
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <div className="error-banner" role="alert" data-code={error.code}>
            {m.error[error.code]}
          </div>
        )}
        <button type="submit" className="primary" disabled={signingIn}>
          {signingIn ? m.signIn.submitting : m.signIn.submit}
        </button>
        {inMemory && (
          <p className="hint" data-testid="token-in-memory">
            {m.signIn.tokenInMemory}
          </p>
        )}
        {demo && (
          <p className="hint">
            {fill(m.signIn.demoHint, { users: demo.usernames.join(', '), password: demo.password })}
          </p>
        )}
        <LanguageSwitch />
      </form>
    </div>
  );
}

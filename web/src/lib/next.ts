import { useNavigate, useSearchParams } from 'react-router';
import { useSessionChanged } from './hooks';

/**
 * The page asked for before the log-in (`/login?next=/team`), if it is a path of this site: never
 * another origin ("//evil.example", "https://…"), never the log-in page again.
 */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  try {
    const url = new URL(next, window.location.origin);
    if (url.origin !== window.location.origin || url.pathname === '/login') return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

/** After any way of signing in (password, second step, passkey): a fresh cache, then the page asked for. */
export function useAfterSignIn() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const sessionChanged = useSessionChanged();
  return async () => {
    await sessionChanged();
    navigate(safeNext(params.get('next')), { replace: true });
  };
}

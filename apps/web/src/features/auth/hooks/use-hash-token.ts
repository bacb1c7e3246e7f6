import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** `#token=abc` → `abc`. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() ? token.trim() : null;
}

/**
 * The one-time token of a mail link (`/verify-email#token=…`). It travels in the fragment so it
 * never reaches a server log or a Referer header; once read into memory it is also taken out of
 * the address bar and the history entry (a replace, so Back does not bring it back).
 */
export function useHashToken(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => tokenFromHash(location.hash));
  const hasHash = location.hash !== '';

  useEffect(() => {
    if (!hasHash) return;
    void navigate({ pathname: location.pathname, search: location.search, hash: '' }, { replace: true });
  }, [hasHash, navigate, location.pathname, location.search]);

  return token;
}

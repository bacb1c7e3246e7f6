import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { paths } from '../../../lib/paths';
import { Dialog } from '../../../components/dialog';
import { useSignOut } from '../api/sign-out';
import { shownName, useSession } from '../../../hooks/use-session';

/** How many of this person's writes wait in the outbox; its code is fetched only when someone signs out. */
async function waitingToBeSent(userId: string | undefined): Promise<number> {
  if (!userId) return 0;
  try {
    const { outboxItems } = await import('../../../lib/offline/outbox');
    return (await outboxItems()).filter((item) => item.userId === userId && !item.failure).length;
  } catch {
    return 0;
  }
}

/**
 * The header's account area. Signed out: a "Sign in" link that brings people back here.
 * Signed in: the name others see (the pseudonym in protected mode), admin pages for admins, sign out.
 */
export function AccountMenu({ links }: { links?: ReactNode }) {
  const { t } = useTranslation();
  const { status, user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [notice, setNotice] = useState('');
  const signInRef = useRef<HTMLAnchorElement>(null);
  /** Set when signing out on the home page: the button is gone, so focus goes to "Sign in". */
  const focusSignInRef = useRef(false);

  useEffect(() => {
    if (status !== 'signed-out' || !focusSignInRef.current) return;
    focusSignInRef.current = false;
    signInRef.current?.focus();
  }, [status]);

  // Leave first, sign out once the home page is shown: a page that needs a session would otherwise
  // send people to "Sign in" on the way. A navigation can wait for the page's code (a transition), so
  // the sign-out waits for the location to be home, not for navigate() to return.
  const leavingRef = useRef(false);
  const onHome = location.pathname === paths.home();
  const { mutateAsync: signOutNow } = signOut;
  const finishSignOut = useCallback(() => {
    leavingRef.current = false;
    void signOutNow().then((confirmed) => setNotice(confirmed ? t('auth.signedOut') : t('auth.signedOutLocally')));
  }, [signOutNow, t]);
  useEffect(() => {
    if (leavingRef.current && onHome) finishSignOut();
  }, [onHome, finishSignOut]);

  // Signing out deletes what waits in this phone's outbox (a shared phone keeps nothing of anyone's):
  // say so first, and let the person stay signed in until it has gone.
  const [unsent, setUnsent] = useState(0);
  const handleSignOut = async () => {
    const waiting = await waitingToBeSent(user?.id);
    if (waiting > 0) {
      setUnsent(waiting);
      return;
    }
    signOutAnyway();
  };

  const signOutAnyway = () => {
    setUnsent(0);
    focusSignInRef.current = onHome;
    if (onHome) {
      finishSignOut();
      return;
    }
    leavingRef.current = true;
    void navigate(paths.home());
  };

  return (
    <div className="account-menu">
      {unsent > 0 ? (
        <Dialog title={t('auth.unsentHeading')} description={t('auth.unsentText', { number: unsent })} onClose={() => setUnsent(0)}>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setUnsent(0)}>
              {t('auth.unsentStay')}
            </button>
            <button type="button" className="button button--secondary" onClick={signOutAnyway}>
              {t('auth.unsentSignOut')}
            </button>
          </div>
        </Dialog>
      ) : null}
      {/* Always rendered, so the outcome of signing out is announced. */}
      <p aria-live="polite" className="visually-hidden">
        {notice}
      </p>
      {status === 'signed-in' && user ? (
        <nav aria-label={t('auth.accountNavigation')}>
          <ul className="account-menu__list">
            <li>
              <NavLink to={paths.account()} className="account-menu__name">
                <span className="visually-hidden">{t('auth.accountLinkPrefix')} </span>
                <bdi>{shownName(user)}</bdi>
              </NavLink>
            </li>
            {links}
            {user.roles.includes('admin') ? (
              <li>
                <NavLink to={paths.adminUsers()}>{t('nav.admin')}</NavLink>
              </li>
            ) : null}
            <li>
              <button
                type="button"
                className="button button--on-dark button--small"
                aria-disabled={signOut.isPending || undefined}
                onClick={() => {
                  if (!signOut.isPending) void handleSignOut();
                }}
              >
                {signOut.isPending ? t('auth.signingOut') : t('auth.signOut')}
              </button>
            </li>
          </ul>
        </nav>
      ) : status === 'signed-out' ? (
        <>
          <Link ref={signInRef} to={paths.signIn(`${location.pathname}${location.search}`)} className="account-menu__sign-in">
            {t('auth.signIn')}
          </Link>
          <Link to={paths.signUp()} className="account-menu__sign-in">
            {t('auth.signUp')}
          </Link>
        </>
      ) : null}
    </div>
  );
}

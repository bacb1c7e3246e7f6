import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { LoadingStatus } from '../../components/loading-status';
import { AccountNav } from '../../features/account/components/account-nav';
import { RequireAuth } from './require-auth';

/** The account pages: signed in only, with their own navigation. */
export function AccountLayout() {
  return (
    <RequireAuth>
      <div className="section-layout">
        <AccountNav />
        <div className="section-layout__content">
          <Suspense fallback={<LoadingStatus />}>
            <Outlet />
          </Suspense>
        </div>
      </div>
    </RequireAuth>
  );
}

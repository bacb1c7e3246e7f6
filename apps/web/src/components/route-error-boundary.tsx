import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from './page-heading';

interface BoundaryProps {
  pathname: string;
  children: ReactNode;
  fallback: ReactNode;
}

interface BoundaryState {
  failed: boolean;
  /** The page the state is about; moving to another page clears a failure. */
  pathname: string;
}

class Boundary extends Component<BoundaryProps, BoundaryState> {
  constructor(props: BoundaryProps) {
    super(props);
    this.state = { failed: false, pathname: props.pathname };
  }

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.pathname === state.pathname ? null : { failed: false, pathname: props.pathname };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function PageLoadFailed() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('status.pageLoadFailedHeading')}</PageHeading>
      <div role="alert" className="error-alert">
        <p>{t('status.pageLoadFailed')}</p>
        {/* A reload, because a browser keeps a failed module import failed for the life of the page. */}
        <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
          {t('status.retry')}
        </button>
      </div>
    </>
  );
}

/**
 * Pages other than the catalogue are loaded on demand; on a dropped connection that load fails.
 * Instead of a blank page, say so and offer to try again; moving to another page clears it.
 */
export function RouteErrorBoundary({ pathname, children }: { pathname: string; children: ReactNode }) {
  return (
    <Boundary pathname={pathname} fallback={<PageLoadFailed />}>
      {children}
    </Boundary>
  );
}

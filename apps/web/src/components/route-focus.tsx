import { createContext, useContext, useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useLocation } from 'react-router';

/** The pathname whose page heading has already received focus. */
const HandledPathRefContext = createContext<RefObject<string> | null>(null);

/**
 * After a client-side navigation a screen reader would otherwise stay on the link that was
 * activated. Each page's <PageHeading> takes focus once per new pathname (not for ?query changes,
 * which happen while someone is using the search form). The first page load is left to the
 * browser, so the skip link stays the first thing a keyboard reaches.
 */
export function RouteFocusProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const handledPathRef = useRef(pathname);
  const isFirstPage = useRef(true);

  useEffect(() => {
    if (isFirstPage.current) {
      isFirstPage.current = false;
      return;
    }
    // A new page starts at its top, as it would with a full page load.
    const scroller = document.scrollingElement ?? document.documentElement;
    scroller.scrollTop = 0;
  }, [pathname]);

  return <HandledPathRefContext.Provider value={handledPathRef}>{children}</HandledPathRefContext.Provider>;
}

export function useRouteFocus(target: RefObject<HTMLElement | null>): void {
  const handledPathRef = useContext(HandledPathRefContext);
  const { pathname } = useLocation();
  useEffect(() => {
    if (!handledPathRef || handledPathRef.current === pathname) return;
    handledPathRef.current = pathname;
    target.current?.focus();
  }, [handledPathRef, pathname, target]);
}

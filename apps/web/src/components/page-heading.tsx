import { useEffect, useRef, type ComponentPropsWithoutRef } from 'react';
import { useRouteFocus } from './route-focus';

interface PageHeadingProps extends ComponentPropsWithoutRef<'h1'> {
  /**
   * Take focus when shown even though the address did not change: for a page that replaces its
   * own content after an action (a form that becomes its confirmation), where focus would
   * otherwise be lost with the button that was pressed.
   */
  focusOnMount?: boolean;
}

/** The page's one <h1>. It takes focus after a navigation (see RouteFocusProvider). */
export function PageHeading({ className, children, focusOnMount = false, ...rest }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useRouteFocus(ref);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <h1 {...rest} ref={ref} tabIndex={-1} className={className ? `page-heading ${className}` : 'page-heading'}>
      {children}
    </h1>
  );
}

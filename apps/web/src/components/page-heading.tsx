import { useRef, type ComponentPropsWithoutRef } from 'react';
import { useRouteFocus } from './route-focus';

/** The page's one <h1>. It takes focus after a navigation (see RouteFocusProvider). */
export function PageHeading({ className, children, ...rest }: ComponentPropsWithoutRef<'h1'>) {
  const ref = useRef<HTMLHeadingElement>(null);
  useRouteFocus(ref);
  return (
    <h1 {...rest} ref={ref} tabIndex={-1} className={className ? `page-heading ${className}` : 'page-heading'}>
      {children}
    </h1>
  );
}

import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadLaterStrings } from './i18n';

/**
 * A named export fetched on first render, in its own chunk: pages and the parts of a page only
 * some people use (the forms, which bring the form library and the schemas). Render it inside a
 * <Suspense>; the shell's error boundary shows a failed load.
 */
// React's own LazyExoticComponent is typed on ComponentType<any>; each use keeps its props' type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyNamed<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
  { readerOnly = false }: { readerOnly?: boolean } = {},
): LazyExoticComponent<M[K]> {
  return lazy(async () => {
    const [module] = await Promise.all([load(), readerOnly ? undefined : loadLaterStrings()]);
    return { default: module[name] };
  });
}

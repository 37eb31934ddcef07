import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from './QueryState';

type PropsOf<C> = C extends ComponentType<infer P> ? P : never;

/**
 * A page loaded when it is first opened: route-level code splitting keeps the first load to the shell and
 * the page in front of the user (issue 20). The page brings its own Suspense boundary, so route tables
 * keep writing `<SomePage />`.
 */
export function lazyPage<M, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  type P = PropsOf<M[K]>;
  const Page = lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<P> }));
  function LazyPage(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Page {...(props as P & object)} />
      </Suspense>
    );
  }
  LazyPage.displayName = `Lazy(${name})`;
  return LazyPage;
}

import { lazy, Suspense, type Attributes, type ComponentProps, type ComponentType } from 'react';

/**
 * A part of the screen built from Ant Design, loaded after the first frame. The shell, the order
 * list's rows and the shortcuts need no Ant code: the rows a desk works on paint as soon as their
 * page arrives, while Ant Design (about 1 MB of script and its stylesheet) loads beside them, and
 * each island appears inside the design system's provider (DesignProvider) once it has. Until
 * then an island shows nothing: give its place a fixed size where a late arrival would shift the
 * screen.
 *
 *   const Toolbar = island(() => import('./ListToolbar'), 'ListToolbar');
 *   <Toolbar {...props} />
 */
/** Islands wait for this before they load (see holdIslandsUntil). */
let held: Promise<void> = Promise.resolve();
let decided = false;

/**
 * Holds every island back until `ready` (at most `atMostMs`), once, at start: the order list's
 * first rows come from main over the same few connections as the islands' files (browser mode
 * speaks HTTP/1.1, six at a time), so the rows ask first and the design system loads after them.
 */
export function holdIslandsUntil(ready: Promise<unknown>, atMostMs = 2000): void {
  if (decided) return;
  decided = true;
  held = Promise.race([ready, new Promise((resolve) => setTimeout(resolve, atMostMs))]).then(() => undefined);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component's props: each island keeps its own
type AnyComponent = ComponentType<any>;

export function island<M extends Record<K, AnyComponent>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): ComponentType<ComponentProps<M[K]>> {
  type P = ComponentProps<M[K]>;
  const Loaded = lazy(async () => {
    await held;
    const [module, { DesignProvider }] = await Promise.all([load(), import('./design/DesignProvider')]);
    const Part: ComponentType<P> = module[name];
    const Provided = (props: P) => (
      <DesignProvider>
        <Part {...(props as P & Attributes)} />
      </DesignProvider>
    );
    return { default: Provided };
  });
  const Island = (props: P) => (
    <Suspense fallback={null}>
      <Loaded {...(props as P & Attributes)} />
    </Suspense>
  );
  Island.displayName = `Island(${name})`;
  return Island;
}

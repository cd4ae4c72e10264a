import { startTransition, useEffect, useState, type Attributes, type ComponentProps, type ComponentType } from 'react';

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

/** How long an island's turn may last before the next one goes anyway (a reveal React put off). */
const TURN_AT_MOST_MS = 500;
const nextTask = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let turns: Promise<void> = Promise.resolve();

interface Turn {
  start: Promise<void>;
  done(): void;
}

/**
 * Islands appear one at a time: each after the one before it has committed, a task later. Ant
 * Design arriving on the order list is about ten islands, some 100 ms of rendering on two busy
 * cores; all at once they were one long task in the middle of whatever the user had started after
 * the rows painted (the bench's scrollbar drag), one by one they are short ones between frames.
 */
function takeTurn(): Turn {
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const start = turns;
  turns = start.then(() => Promise.race([finished, nextTask(TURN_AT_MOST_MS)])).then(() => nextTask());
  return { start, done };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component's props: each island keeps its own
type AnyComponent = ComponentType<any>;

export function island<M extends Record<K, AnyComponent>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): ComponentType<ComponentProps<M[K]>> {
  type P = ComponentProps<M[K]>;
  let Provided: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  const loadOnce = () =>
    (loading ??= (async () => {
      await held;
      const [module, { DesignProvider }] = await Promise.all([load(), import('./design/DesignProvider')]);
      const Part: ComponentType<P> = module[name];
      Provided = (props: P) => (
        <DesignProvider>
          <Part {...(props as P & Attributes)} />
        </DesignProvider>
      );
    })());

  const Island = (props: P) => {
    // Once loaded, an island mounts at once (another screen's, a dialog opened again).
    const [shown, setShown] = useState(() => Provided !== null);
    const [failed, setFailed] = useState<{ error: unknown } | null>(null);
    useEffect(() => {
      if (shown) return;
      let live = true;
      let turn: Turn | null = null;
      loadOnce()
        .then(async () => {
          if (!live) return;
          turn = takeTurn();
          await turn.start;
          // In a transition: React renders it in slices, and a store update meanwhile (a sync
          // render) leaves it out instead of rendering it whole in one go.
          if (live) startTransition(() => setShown(true));
        })
        .catch((error: unknown) => live && setFailed({ error }));
      // Runs once the reveal has committed (or the island went away): the next island's turn.
      return () => {
        live = false;
        turn?.done();
      };
    }, [shown]);
    // As a lazy component's would: the nearest error boundary says the part could not load.
    if (failed) throw failed.error;
    return shown && Provided ? <Provided {...(props as P & Attributes)} /> : null;
  };
  Island.displayName = `Island(${name})`;
  return Island;
}

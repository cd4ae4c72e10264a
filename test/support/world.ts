import { afterAll, afterEach, beforeAll } from 'vitest';
import { openTestDesk, type TestDesk } from './desk';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { startTestService, type TestService, type TestServiceOptions } from './service';

export interface DeskWorld {
  readonly service: TestService;
  /** In front of the service for every desk: tests make the network misbehave through it. */
  readonly proxy: FaultProxy;
  /** A desk signed in as `username` and synced once; closed after the test. */
  desk(username: string, options?: Parameters<typeof openTestDesk>[1]): Promise<TestDesk>;
}

/**
 * The world most desk stories play in: a real order service for the whole file, a fault proxy in
 * front of it, and desks that live for one test (the proxy healed and the desks disposed after it).
 */
export function useDeskWorld(options: TestServiceOptions = {}): DeskWorld {
  let service: TestService | undefined;
  let proxy: FaultProxy | undefined;
  const desks: TestDesk[] = [];
  beforeAll(async () => {
    service = await startTestService(options);
    proxy = await startFaultProxy(service.url);
  });
  afterEach(async () => {
    proxy!.clear();
    await proxy!.restore();
    await Promise.all(desks.splice(0).map((d) => d.dispose()));
  });
  afterAll(async () => {
    await proxy?.close();
    await service?.close();
  });
  return {
    get service() {
      return service!;
    },
    get proxy() {
      return proxy!;
    },
    async desk(username, deskOptions = {}) {
      const desk = openTestDesk(service!, { serviceUrl: proxy!.url, ...deskOptions });
      desks.push(desk);
      await desk.signIn(username);
      await desk.sync();
      return desk;
    },
  };
}

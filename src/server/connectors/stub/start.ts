import { pddGateway } from '../pdd/stub';
import { taobaoGateway } from '../taobao/stub';
import { startPlatformStub, type RunningStub, type StubOptions } from './server';

/** A running stub of the named platform's gateway (see server.ts for what it offers). */
export function startStub(options: StubOptions): Promise<RunningStub> {
  return startPlatformStub(options, options.platform === 'taobao' ? taobaoGateway : pddGateway);
}

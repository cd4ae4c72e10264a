import { dirname } from 'node:path';
import type { SessionInfo, SyncStatus } from '../../shared/contract/api';
import { DEMO_USERS } from '../../shared/demo/users';
import { createDispatcher, type CallContext, type Dispatch, type Handlers } from '../ipc/dispatcher';
import { EventHub } from '../ipc/events';
import { ApiFailure } from '../ipc/failure';
import { outboxOf } from '../db/outbox';
import { refreshDirectory } from '../directory/directory';
import type { LabelPrinter } from '../floor/label-printer';
import { ExportShelf, pruneExports } from '../orders/export';
import { SILENT, type DeskLogs } from '../diagnostics/desk-log';
import { diagnosticsHandlers } from '../diagnostics/handlers';
import type { PdfPrinter } from '../print/handlers';
import { privateDir } from '../session/private-files';
import { checkServiceUrl } from '../session/service-url';
import { endServiceSession, signIn } from '../session/sign-in';
import type { TokenVault } from '../session/token-vault';
import { SyncEngine, type SyncPhase } from '../sync/engine';
import { sealFor, type CodeSeal } from '../redemption/code-seal';
import { loadSealKey, type KeyProtector } from '../session/seal-key';
import { LIVENESS_TIMEOUT_MS, startLiveness } from '../sync/liveness';
import { ServiceClient } from '../sync/service-client';
import { readSyncState } from '../sync/sync-state';
import { openWorkspace, userDirOf, type Workspace, type WorkspaceRef } from '../workspace';
import { NO_SETTINGS, type DeskStart } from '../settings/desk-settings';
import { settingsHandlers } from '../settings/handlers';
import { capabilityHandlers } from './handlers';

export interface AppOptions {
  /** Where each user's local store lives (users/<name>/). */
  dataDir: string;
  serviceUrl: string;
  vault: TokenVault;
  deviceId: string;
  /** The service is the embedded demo company: the UI says so. */
  demo?: boolean;
  /** The embedded demo's password on this run, which the sign-in screen shows. */
  demoPassword?: string;
  /** The desk's logs (diagnostics/desk-log.ts); none in tests that do not look at them. */
  logs?: DeskLogs;
  /** What the running process is (app, electron, chrome, node versions), for 导出诊断信息. */
  versions?: Record<string, string>;
  /** Electron's crash dumps folder: their names go into 导出诊断信息. */
  crashDumpsDir?: string;
  /** Where the vault keeps tokens between runs: Electron with a working safeStorage says 'keychain'. */
  tokenStorage?: 'keychain' | 'memory';
  /** The OS's protection for this device's seal keys (Electron's safeStorage); none in browser mode. */
  keyProtector?: KeyProtector | null;
  /** Plain http to another machine (a lab network); refused otherwise (session/service-url.ts). */
  allowInsecureServiceUrl?: boolean;
  /**
   * 设置: where desk-settings.json lives, what this run started with (settings/desk-settings.ts
   * deskStart) and how the desk restarts; without it the settings are kept in dataDir and the
   * service address counts as the environment's.
   */
  settings?: { dir: string; start: DeskStart; restart: (() => void) | null };
  /** Off in tests that drive sync rounds themselves. */
  autoSync?: boolean;
  syncIntervalMs?: number;
  syncPageSize?: number;
  /** A first sync of at least this many orders loads in bulk (SyncEngineOptions.bulkFrom). */
  firstSyncBulkFrom?: number;
  requestTimeoutMs?: number;
  now?: () => number;
  random?: () => number;
  fetchImpl?: typeof fetch;
  /** Sees each step of a sync round (the crash tests' desk process); nothing in production sets it. */
  onSyncPhase?: (phase: SyncPhase) => void;
  /** Electron's window printer; browser mode has none and answers NOT_SUPPORTED. */
  printer?: PdfPrinter;
  /** Electron's silent printing to a thermal label printer; browser mode has none. */
  labelPrinter?: LabelPrinter;
  /** Told whose store is open after each sign-in and sign-out (the backend's reader threads follow it). */
  onWorkspace?: (workspace: WorkspaceRef | null) => void;
}

export interface App {
  dispatch: Dispatch;
  events: EventHub;
  workspace(): Workspace | null;
  sync(): SyncEngine | null;
  /** Finished CSV exports by id (browser mode serves them as downloads). */
  exports: ExportShelf;
  close(): Promise<void>;
}

interface SignedInState {
  workspace: Workspace;
  engine: SyncEngine;
  /** Stops the liveness probe (a no-op when sync is not automatic). */
  stopLiveness: () => void;
  seal: CodeSeal;
  client: ServiceClient;
}

/**
 * Main's state across sign-ins: the event hub and dispatcher live as long as the app; a user's
 * workspace and sync engine live from their sign-in to their sign-out.
 */
export function createApp(options: AppOptions): App {
  const serviceUrl = checkServiceUrl(options.serviceUrl, { allowInsecure: options.allowInsecureServiceUrl });
  const events = new EventHub();
  const now = options.now ?? Date.now;
  const exports = new ExportShelf(events);
  let current: SignedInState | null = null;
  // A sync that starts or stops failing is a line in the backend log; the rounds between are not.
  let lastSyncProblem: string | null = null;
  const logSyncChange = (status: SyncStatus) => {
    const problem = status.lastError?.code ?? null;
    if (problem === lastSyncProblem) return;
    if (problem) options.logs?.backend.warn(`sync failing: ${problem}`);
    else options.logs?.backend.info('sync recovered');
    lastSyncProblem = problem;
  };
  // Sign-ins are serialized: a double click must not open two workspaces.
  let signing: Promise<unknown> = Promise.resolve();

  const clientFor = (token: () => string | null) =>
    new ServiceClient({
      baseUrl: serviceUrl,
      token,
      device: { id: options.deviceId, now },
      fetchImpl: options.fetchImpl,
      ...(options.requestTimeoutMs ? { timeoutMs: options.requestTimeoutMs } : {}),
    });

  async function close(): Promise<void> {
    const state = current;
    current = null;
    if (!state) return;
    options.onWorkspace?.(null);
    state.stopLiveness();
    await state.engine.stop();
    state.workspace.close();
  }

  async function open(username: string, password: string): Promise<SessionInfo> {
    await close();
    const userDir = userDirOf(options.dataDir, username);
    privateDir(options.dataDir);
    privateDir(dirname(userDir));
    let token: string | null = null;
    const client = clientFor(() => token);
    const { account, login } = await signIn(client, userDir, username, password);
    token = login ? login.token : await options.vault.load(account.user.username);
    if (login) await options.vault.save(account.user.username, login.token);
    const session: SessionInfo = {
      userId: account.user.id,
      username: account.user.username,
      displayName: account.user.displayName,
      role: account.user.role,
      scope: account.user.scope,
      deviceId: options.deviceId,
      demo: options.demo ?? false,
      offline: login === null,
    };
    const workspace = openWorkspace(userDir, session);
    const seal = sealFor(workspace.db, await loadSealKey(userDir, account.secretKey, options.keyProtector ?? null));
    outboxOf(workspace.db).pruneAnswered(now());
    // File ages are the computer's, not the desk's (possibly wrong) clock.
    pruneExports(userDir, Date.now());
    const engine = new SyncEngine({
      db: workspace.db,
      client,
      deviceId: options.deviceId,
      actor: `${session.role}:${session.username}`,
      deviceLabel: () => deviceLabelOf(workspace),
      seal,
      now,
      random: options.random,
      intervalMs: options.syncIntervalMs,
      pageSize: options.syncPageSize,
      bulkFrom: options.firstSyncBulkFrom,
      onPhase: options.onSyncPhase,
      onStatus: (status) => {
        logSyncChange(status);
        events.emit('sync.status', status);
      },
      onOrdersChanged: (orderNos, reason) =>
        events.emit('orders.changed', { orderNos: orderNos.length > 200 ? [] : orderNos, reason }),
    });
    // Best effort: a failure here is retried by the engine before its first push.
    if (login) await engine.ensureRegistered();
    // Names for codes (places, people): kept for offline sessions; a failure keeps the last ones.
    if (login) await refreshDirectory(client, workspace.db);
    const auto = options.autoSync ?? true;
    const stopLiveness = auto
      ? startLiveness({ check: () => engine.checkReachable(() => client.reachable(LIVENESS_TIMEOUT_MS)) })
      : () => undefined;
    current = { workspace, engine, seal, client, stopLiveness };
    options.onWorkspace?.({ file: workspace.file, session });
    if (auto) engine.start();
    options.logs?.backend.info(`signed in as a ${session.role} (${session.offline ? 'offline' : 'online'})`);
    events.emit('session.changed', session);
    return session;
  }

  const context = (): CallContext | null => {
    const state = current;
    if (!state) return null;
    const { session, db } = state.workspace;
    return {
      session,
      db,
      stamp: () => ({
        actor: `${session.role}:${session.username}`,
        device: deviceLabelOf(state.workspace),
        now: now(),
        seal: state.seal,
      }),
      sync: () => state.engine.syncNow(),
      changed: (orderNos) => {
        events.emit('orders.changed', { orderNos, reason: 'local' });
        state.engine.kick();
      },
      service: state.client,
    };
  };

  const engineOf = (): SyncEngine => {
    if (!current) throw new ApiFailure('UNAUTHENTICATED', 'Sign in first');
    return current.engine;
  };

  // Typed whole: a procedure of the contract without a handler does not compile.
  const handlers: Handlers = {
    'session.current': (ctx) => ctx?.session ?? null,
    'session.signIn': (_ctx, { username, password }) => {
      const run = signing.then(() => open(username, password));
      signing = run.catch((error: unknown) =>
        options.logs?.backend.warn(`sign-in refused: ${(error as { code?: string }).code ?? 'INTERNAL'}`),
      );
      return run;
    },
    'session.tokenStorage': () => options.tokenStorage ?? 'memory',
    ...settingsHandlers({
      dir: options.settings?.dir ?? options.dataDir,
      start: options.settings?.start ?? {
        serviceUrl: options.demo ? null : serviceUrl,
        serviceSource: options.demo ? 'demo' : 'environment',
        updateUrl: null,
        saved: NO_SETTINGS,
        lockedByEnvironment: { serviceUrl: !options.demo, updateUrl: false },
      },
      runningServiceUrl: serviceUrl,
      allowInsecureServiceUrl: options.allowInsecureServiceUrl ?? false,
      restart: options.settings?.restart ?? null,
      log: options.logs?.main ?? SILENT,
    }),
    'session.demoAccess': () =>
      options.demo && options.demoPassword
        ? { usernames: DEMO_USERS.map((u) => u.username), password: options.demoPassword }
        : null,
    'session.signOut': async () => {
      const username = current?.workspace.session.username;
      if (current) await endServiceSession(current.client);
      await close();
      if (username) await options.vault.clear(username);
      events.emit('session.changed', null);
      return {};
    },
    'sync.status': () => engineOf().status,
    'sync.now': () => engineOf().syncNow(),
    ...diagnosticsHandlers({
      logs: options.logs ?? null,
      dataDir: options.dataDir,
      versions: options.versions ?? { node: process.versions.node },
      crashDumpsDir: options.crashDumpsDir ?? null,
      shelf: exports,
      desk: () =>
        current
          ? { db: current.workspace.db, role: current.workspace.session.role, status: current.engine.status }
          : null,
    }),
    ...capabilityHandlers({
      events,
      now,
      printer: options.printer ?? null,
      labelPrinter: options.labelPrinter ?? null,
    }),
  };
  const dispatch = createDispatcher(handlers, context, (procedure, error) =>
    options.logs?.backend.error(`${procedure} failed unexpectedly`, error),
  );

  return {
    dispatch,
    events,
    workspace: () => current?.workspace ?? null,
    sync: () => current?.engine ?? null,
    exports,
    close,
  };
}

/** The label the service gives this device in timelines, so a local effect reads as the service will write it. */
function deviceLabelOf(workspace: Workspace): string {
  const code = readSyncState(workspace.db, 'deviceCode');
  return code === null ? 'DEV-????' : `DEV-${code.padStart(4, '0')}`;
}

export interface Cluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres, trust authentication. */
  url: string;
  dir: string;
  stop(): void;
}
export function ensurePostgres(): string;
export function startCluster(options?: { durable?: boolean; maxConnections?: number; dir?: string }): Promise<Cluster>;

import { createServer, type Server } from 'node:http';
import { chmod, unlink } from 'node:fs/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { SQL_CLIENT, backupSocketPath, exportSnapshot, socketAnswers, type SqlClient } from '#event-store';

/**
 * The operator's way to an online backup of the embedded store (ADR 0017). PGlite belongs to
 * this process, so `npm run cli -- backup` asks it for a snapshot instead of copying files
 * the process is writing. Not an HTTP route of the API: a Unix socket in DATA_DIR, mode 0600,
 * so reaching it takes the same file-system access as reading the data directory itself; no
 * token, role or network address can. The snapshot is read in one transaction on the one
 * PGlite connection (see exportSnapshot).
 */
@Injectable()
export class BackupSocket implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('backup');
  private server: Server | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.eventStore !== 'pglite') return;
    const path = backupSocketPath(this.config.dataDir);
    if (Buffer.byteLength(path) > 100) {
      this.logger.warn('DATA_DIR is too long a path for the backup socket; back up with the service stopped');
      return;
    }
    if (await socketAnswers(path)) {
      this.logger.warn('another process answers on the backup socket of this DATA_DIR');
      return;
    }
    await unlink(path).catch(() => undefined); // left by a process that was killed
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://backup');
      if (req.method !== 'GET' || url.pathname !== '/snapshot') {
        res.writeHead(404).end();
        return;
      }
      exportSnapshot(this.sql, { withKeys: url.searchParams.get('keys') === '1' }).then(
        (snapshot) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(snapshot));
        },
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
    await chmod(path, 0o600);
    this.server = server;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await unlink(backupSocketPath(this.config.dataDir)).catch(() => undefined);
  }
}

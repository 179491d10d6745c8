import { connect } from 'node:net';
import { join } from 'node:path';

/**
 * Where a running embedded service answers backups (ADR 0017): inside the data directory,
 * mode 0600, so only whoever may read DATA_DIR itself can reach it.
 */
export const backupSocketPath = (dataDir: string): string => join(dataDir, 'backup.sock');

/** Whether a live process listens on the socket (a file left by a killed one refuses the connection). */
export function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

import type { Logger } from 'pino';

/** A warning's message is library text, but it is cut short all the same: a log line, not a dump. */
const MAX_MESSAGE = 500;

/**
 * Node writes a process warning (a deprecation; kafkajs 2.2.4 setting a negative timer on Node
 * 24, on every broker connection) to stderr as free text: the one line of the service's log that
 * is not JSON, and that a collector would file as an error. This replaces Node's own printer with
 * a warn line through the process's logger: the warning's name, code and message, no stack.
 * Returns what puts the previous listeners back. (`target` is the process; a test passes its own
 * emitter, since jest hands a test a copy of `process` whose events do not reach the real one.)
 */
export function logProcessWarnings(logger: Logger, target: NodeJS.EventEmitter = process): () => void {
  const previous = target.listeners('warning') as ((...args: unknown[]) => void)[];
  target.removeAllListeners('warning');
  const onWarning = (warning: Error & { code?: string }): void => {
    logger.warn(
      { context: 'process', warning: warning.name, ...(warning.code ? { code: warning.code } : {}) },
      warning.message.slice(0, MAX_MESSAGE),
    );
  };
  target.on('warning', onWarning);
  return () => {
    target.off('warning', onWarning);
    for (const listener of previous) target.on('warning', listener);
  };
}

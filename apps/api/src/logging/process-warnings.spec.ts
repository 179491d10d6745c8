import { EventEmitter } from 'node:events';
import { pino } from 'pino';
import { logProcessWarnings } from './process-warnings.js';

const warning = (name: string, message: string, code?: string): Error =>
  Object.assign(new Error(message), { name, ...(code ? { code } : {}) });

describe('process warnings', () => {
  it('become one JSON warn line through the logger, in place of the listeners there were', () => {
    const target = new EventEmitter();
    const printed: Error[] = [];
    const nodePrinter = (w: Error) => void printed.push(w);
    target.on('warning', nodePrinter);
    const lines: string[] = [];
    const logger = pino({ base: undefined }, { write: (line: string) => void lines.push(line) });

    const restore = logProcessWarnings(logger, target);
    target.emit('warning', warning('TimeoutNegativeWarning', '-17 is a negative number.', 'BLO_TEST'));
    target.emit('warning', warning('DeprecationWarning', 'x'.repeat(2_000)));
    restore();
    target.emit('warning', warning('Warning', 'after'));

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged[0]).toMatchObject({
      level: 40,
      context: 'process',
      warning: 'TimeoutNegativeWarning',
      code: 'BLO_TEST',
      msg: '-17 is a negative number.',
    });
    expect(logged[0]).not.toHaveProperty('stack');
    expect(logged[1]).toMatchObject({ warning: 'DeprecationWarning', msg: 'x'.repeat(500) });
    expect(logged).toHaveLength(2);
    // Node's printer saw nothing while the logger had the warnings, and has them again after.
    expect(printed.map((w) => w.message)).toEqual(['after']);
    expect(target.listeners('warning')).toEqual([nodePrinter]);
  });
});

// Lets a plain `node` child process import this repository's TypeScript sources directly
// (jest runs TS through ts-jest; a spawned process cannot). Node strips/transforms the types
// (--experimental-transform-types); this hook maps the `.js` specifiers the sources use for
// their siblings to the `.ts` files that exist. `#lib` imports resolve to sources through
// the "source" condition (--conditions=source).
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const relative = specifier.startsWith('./') || specifier.startsWith('../');
      if (error?.code === 'ERR_MODULE_NOT_FOUND' && relative && specifier.endsWith('.js')) {
        return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      }
      throw error;
    }
  },
});

// `node --import` entry that installs ts-child-hooks.mjs (see there).
import { register } from 'node:module';

register('./ts-child-hooks.mjs', import.meta.url);

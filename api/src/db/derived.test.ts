import { derivedSuite } from '../testing/derived-suite.js';
import { startTestApi } from '../testing/harness.js';

derivedSuite('SQLite', () => startTestApi());

import { startTestApi } from '../testing/harness.js';
import { seriesEndSuite } from '../testing/series-end-suite.js';

seriesEndSuite('SQLite', () => startTestApi());

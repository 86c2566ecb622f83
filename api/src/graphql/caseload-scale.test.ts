import { caseloadScaleSuite, clock } from '../testing/caseload-scale-suite.js';
import { startTestApi } from '../testing/harness.js';

/** The set-based caseload and INVITATION_UNANSWERED on SQLite (the suite is shared with PostgreSQL). */
caseloadScaleSuite('SQLite', () => startTestApi({}, { now: () => clock.now }));

import { startTestApi } from '../testing/harness.js';
import { invitationSuite } from './invitations.suite.js';

invitationSuite('SQLite', (now) => startTestApi({}, { now }));

import { helhedTestRunnerConfig } from '../tooling/web-test-runner.base.mjs';
import { realApi } from '../tooling/wtr-real-api.mjs';

const api = realApi();

export default helhedTestRunnerConfig({
  files: 'src/**/*.test.ts',
  plugins: [api.plugin],
  middleware: [api.middleware],
});

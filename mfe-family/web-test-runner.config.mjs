import { helhedTestRunnerConfig } from '../tooling/web-test-runner.base.mjs';
import { networkSwitch } from '../tooling/wtr-network-switch.mjs';
import { realApi } from '../tooling/wtr-real-api.mjs';

const api = realApi();

export default helhedTestRunnerConfig({
  files: 'src/**/*.test.ts',
  plugins: [api.plugin],
  middleware: [networkSwitch(), api.middleware],
});

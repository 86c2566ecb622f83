import { helhedTestRunnerConfig } from '../tooling/web-test-runner.base.mjs';

export default helhedTestRunnerConfig({ files: 'src/**/*.test.ts' });

import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * Names the test files, and the tests in them, that started but never finished. When a worker process
 * dies (a native crash, the kernel's out-of-memory killer), vitest says only that "a worker exited
 * unexpectedly"; this says where.
 */
export default class UnfinishedReporter implements Reporter {
  private readonly runningModules = new Map<string, TestModule>();
  private readonly runningTests = new Map<string, TestCase>();

  onTestModuleStart(testModule: TestModule): void {
    this.runningModules.set(testModule.id, testModule);
  }

  onTestModuleEnd(testModule: TestModule): void {
    this.runningModules.delete(testModule.id);
  }

  onTestCaseReady(testCase: TestCase): void {
    this.runningTests.set(testCase.id, testCase);
  }

  onTestCaseResult(testCase: TestCase): void {
    this.runningTests.delete(testCase.id);
  }

  onTestRunEnd(): void {
    if (this.runningModules.size === 0) return;
    const lines = ['Test files that started but did not finish (their worker may have exited):'];
    for (const testModule of this.runningModules.values()) {
      lines.push(`  ${testModule.relativeModuleId}`);
      for (const testCase of this.runningTests.values()) {
        if (testCase.module.id === testModule.id) lines.push(`    running: ${testCase.fullName}`);
      }
    }
    process.stderr.write(`${lines.join('\n')}\n`);
  }
}

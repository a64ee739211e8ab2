/**
 * Running a schema's checks on untrusted text with a time bound (Node only). A pattern that
 * slipped past the loader's ReDoS check (a matter loaded without it) would otherwise hold
 * the thread until the process is killed. V8's
 * `--enable-experimental-regexp-engine-on-excessive-backtracks` was tried and leaves `u`-flag
 * patterns (the ones ajv compiles) to the backtracking engine: `^(a+)+$` still hung. A worker
 * thread per check would bound it too, but makes every check asynchronous and compiles the
 * schema again in the worker. `node:vm`'s `timeout` interrupts a running regular expression
 * and keeps the call synchronous: its watchdog terminates whatever JavaScript runs inside the
 * call, our validator included, and the thread is free again at once.
 */
import { Script, createContext, type Context } from 'node:vm';

/** What a check that ran past its bound throws. */
export class TimeBoundExceeded extends Error {
  readonly code = 'time-bound-exceeded';
  constructor(readonly ms: number) {
    super(`the check took longer than ${ms} ms and was stopped`);
    this.name = 'TimeBoundExceeded';
  }
}

/** Time a schema check on one submission or fixture may take: real ones take a few ms. */
export const CHECK_TIME_BOUND_MS = 1000;

let runner: { script: Script; context: Context } | undefined;

/** `work()`, stopped with a `TimeBoundExceeded` when it runs longer than `ms`. */
export function withinTime<T>(work: () => T, ms = CHECK_TIME_BOUND_MS): T {
  // One context for every call: making one costs about a millisecond.
  runner ??= { script: new Script('work()'), context: createContext({}) };
  runner.context.work = work;
  try {
    return runner.script.runInContext(runner.context, { timeout: ms }) as T;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeBoundExceeded(ms);
    throw error;
  } finally {
    runner.context.work = undefined;
  }
}

// Runs the Node tests (mocha, as `npm run test:node`) with the clock moved years ahead by
// Debian's libfaketime, so a test that depends on today's date fails now, not the month its
// fixed dates run out. Extra arguments go to mocha.
//
// Without faketime: under CI=true this fails (CI must run it); elsewhere it prints how to
// install it and skips, so a newcomer's `npm test` still passes.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// libfaketime's "advanced" format: start this far ahead and let the clock run on, so timers
// and mocha's timeouts keep their real length. 5 years passes every fixed date in the fixtures
// that is meant to lie in the future.
const OFFSET = process.env.MATTERFORM_FUTURE_OFFSET ?? '+5y';
const INSTALL = 'apt-get install -y faketime';

const faketime = onPath('faketime');
if (!faketime) {
  if (process.env.CI === 'true') {
    console.error(`test:node:future: faketime is not installed, and CI must run the tests years ahead (${INSTALL})`);
    process.exit(1);
  }
  console.log(`test:node:future: skipped, faketime is not installed (Debian/Ubuntu: ${INSTALL})`);
  process.exit(0);
}

// A libfaketime that cannot preload (e.g. macOS with SIP) leaves the clock alone and the run
// would prove nothing: check the date the tests will see first.
const probe = spawnSync(faketime, ['-f', OFFSET, process.execPath, '-e', 'console.log(Date.now())'], {
  encoding: 'utf8',
});
const ahead = (Number(probe.stdout) - Date.now()) / (365.25 * 86_400_000);
if (probe.status !== 0 || !(ahead > 1)) {
  console.error(`test:node:future: faketime ${OFFSET} did not move Node's clock ahead (${probe.stderr.trim()})`);
  process.exit(1);
}
console.log(`test:node:future: mocha at ${new Date(Number(probe.stdout)).toISOString()} (faketime ${OFFSET})`);

const mocha = fileURLToPath(new URL('../node_modules/mocha/bin/mocha.js', import.meta.url));
const run = spawnSync(faketime, ['-f', OFFSET, process.execPath, mocha, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

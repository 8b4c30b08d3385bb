// Runs the longest test files first, so no worker is left with a long file at the end of the run.
// jest orders by the times of the last run on this machine; a fresh machine (CI) has none, and jest
// then orders by file size, which put the pictures test (minutes) among the last. Without a time of
// its own, a file gets the usual time of its kind (seconds of one run on two cores; only the order
// matters), larger files of a kind first.
const { default: TestSequencer } = require('@jest/test-sequencer');
const { statSync } = require('node:fs');

const usualSeconds = [
  [/tests\/pages\/screens\.test\.ts$/, 200],
  [/tests\/console\//, 80],
  [/tests\/functions\/convergence\w*\.test\.ts$/, 45],
  [/tests\/pages\//, 25],
  [/tests\/functions\//, 18],
  [/tests\/(scripts|localcloud)\//, 8],
];

class SlowFirstSequencer extends TestSequencer {
  time(test) {
    const measured = super.time(test);
    if (measured != null) return measured;
    const usual = usualSeconds.find(([pattern]) => pattern.test(test.path.replace(/\\/g, '/')));
    // Milliseconds, as jest records them; a file's size (a few KB) breaks ties within its kind.
    return (usual ? usual[1] * 1000 : 1000) + statSync(test.path).size / 100;
  }
}

module.exports = SlowFirstSequencer;

// Outside a browser: app code that speaks (t()) reads the English messages, as the unit tests do.
import '../../support/i18n-setup';
import { parseArgs } from 'node:util';
import { DEFAULT_SIM, runSeed } from './run';

/**
 * `npm run sim -- --seeds N --first-seed S [--steps K] [--verbose]`: runs seeds S … S+N−1 and
 * prints one summary line; exits non-zero unless every seed converged with nothing lost or leaked.
 */
const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '10' },
    'first-seed': { type: 'string', default: '1' },
    steps: { type: 'string', default: String(DEFAULT_SIM.steps) },
    verbose: { type: 'boolean', default: false },
  },
});
const seeds = Number(values.seeds);
const first = Number(values['first-seed']);
const steps = Number(values.steps);
if (![seeds, first, steps].every(Number.isSafeInteger) || seeds < 1 || steps < 1) {
  console.error('usage: npm run sim -- --seeds N --first-seed S [--steps K] [--verbose]');
  process.exit(2);
}

let converged = 0;
let lost = 0;
let leaked = 0;
for (let seed = first; seed < first + seeds; seed++) {
  const started = performance.now();
  const r = await runSeed(seed, { ...DEFAULT_SIM, steps, log: (line) => console.error(line) });
  if (r.converged) converged++;
  lost += r.lost;
  leaked += r.leaked;
  if (values.verbose || r.problems.length) {
    console.error(
      `seed ${seed}: ${r.problems.length ? 'FAIL' : 'ok'} ${JSON.stringify(r.stats)} ${Math.round(performance.now() - started)} ms`,
    );
  }
}
console.log(`sim: seeds=${seeds} converged=${converged} lost=${lost} leaked=${leaked}`);
process.exit(converged === seeds && lost === 0 && leaked === 0 ? 0 : 1);

// How many cases each property test tries. `npm test` keeps the counts written in the tests; `npm run test:deep`
// (SEC_REDLINE_DEEP=20) multiplies every one of them, for a long local hunt. PROPERTY_RUNS=N runs every property
// of the files you name exactly N times (chasing one property: README "Development").

function positiveInteger(name: string): number | null {
  const v = process.env[name];
  if (v === undefined || v === '') return null;
  if (!/^[1-9]\d{0,6}$/.test(v)) throw new Error(`${name} must be a whole number of at least 1, not '${v}'`);
  return Number(v);
}

/** The multiplier of every property's run count: SEC_REDLINE_DEEP, else 1. */
export const deep: number = positiveInteger('SEC_REDLINE_DEEP') ?? 1;
const exact = positiveInteger('PROPERTY_RUNS');

/** The run count of a property written with `n` runs: n under `npm test`, n × SEC_REDLINE_DEEP deep. */
export function runs(n: number): number {
  return exact ?? n * deep;
}

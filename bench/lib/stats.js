/** Timing and medians. Every figure in the table is the median of the samples a scenario took. */

/** Seconds `fn` takes (awaited). */
async function timeIt(fn) {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** The median (the lower middle one for an even count, so it is always a measured value). */
function median(xs) {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

const round = (x, digits = 2) => (x === undefined || x === null ? x : +x.toFixed(digits));

/** Collects samples by name across runs; medians() gives the figure per name. */
class Samples {
  constructor() {
    this.byName = {};
  }
  add(name, value) {
    (this.byName[name] ??= []).push(value);
  }
  median(name) {
    return median(this.byName[name] ?? []);
  }
  rounded(digits = 3) {
    return Object.fromEntries(Object.entries(this.byName).map(([k, v]) => [k, v.map((x) => round(x, digits))]));
  }
}

module.exports = { timeIt, median, round, Samples };

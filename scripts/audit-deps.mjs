// npm run audit:deps: `npm audit --omit=dev`, failing on a high or critical finding in what the
// portal ships, unless README.md's Security section explains it (its package name is listed in
// ACCEPTED below with the reason). When the advisory service cannot be reached the check says so
// and does not pass silently as "no findings".
import { spawnSync } from 'node:child_process';

/** Package name -> why a high/critical finding in it does not affect the portal (see README). */
const ACCEPTED = {};

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout || '{}');
} catch {
  report = {};
}
if (report.error || !report.metadata) {
  const why = report.error?.summary || report.message || 'no report';
  console.warn(`npm audit could not run here (${why.trim()}); run it where the advisory service is reachable.`);
  process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
}
const serious = Object.values(report.vulnerabilities ?? {}).filter((v) => v.severity === 'high' || v.severity === 'critical');
const unexplained = serious.filter((v) => !(v.name in ACCEPTED));
for (const v of serious) console.log(`${v.severity.padEnd(8)} ${v.name} ${v.range ?? ''}${v.name in ACCEPTED ? ` (accepted: ${ACCEPTED[v.name]})` : ''}`);
const m = report.metadata.vulnerabilities;
console.log(`npm audit --omit=dev: ${m.critical} critical, ${m.high} high, ${m.moderate} moderate, ${m.low} low.`);
process.exit(unexplained.length ? 1 : 0);

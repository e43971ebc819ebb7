#!/usr/bin/env bash
# One full assessment in-process (every rule, explanations, path to compliance), measured with JMH over
# samples/*.json in turn: SampleTime, in µs (mean, median, p90, p99). Prints the median last.
# FORKS, WARMUP, ITERATIONS (each 2 s) override the defaults (2, 15, 5). BENCH=answer measures one assessment and
# its answer written as JSON (what an assessment request adds to the validate floor); BENCH=rules, one firing of
# the rules alone over each sample's facts (no findings, no path to compliance: Drools' own share). APP=<another build's
# quarkus-app> runs the same benchmark over that build's classes, to compare two builds in one sitting.
# Not a test; not in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build.sh
./mvnw -q -B -f bench/jmh/pom.xml package
APP=${APP:-target/quarkus-app}
BENCH=${BENCH:-assess}
cp="bench/jmh/target/phendau-jmh-1.0.0.jar:$(cat bench/jmh/target/jmh.classpath):$APP/app/*"
# The libraries the service runs with, less the log manager: without Quarkus to configure it, it would log at
# every level, and Drools' trace messages (built for every rule fired) would be what is measured. jboss-logging
# then logs through java.util.logging, at INFO, as Drools does through SLF4J's no-op logger.
cp="$cp:$(ls "$APP"/lib/boot/org.jboss.logging.jboss-logging-*.jar "$APP"/lib/main/*.jar | tr "\n" ":")"
result=target/jmh-engine.json
java -Dorg.jboss.logging.provider=jdk -cp "$cp" org.openjdk.jmh.Main "AssessmentBenchmark\.$BENCH\$" -f "${FORKS:-2}" -wi "${WARMUP:-15}" -i "${ITERATIONS:-5}" \
    -rf json -rff "$result" 2>&1 | grep -v -E "WARN|SLF4J"
python3 - "$result" "$BENCH" <<'PY'
import json, sys
sample = json.load(open(sys.argv[1]))[0]["primaryMetric"]
p = sample["scorePercentiles"]
print(f"mean {sample['score']:.1f} ± {sample['scoreError']:.1f} µs; p90 {p['90.0']:.1f} µs, p99 {p['99.0']:.1f} µs; "
      f"load average {open('/proc/loadavg').read().split()[0]}")
what = {"answer": "one assessment and its answer written as JSON",
        "rules": "one firing of the rules alone"}.get(sys.argv[2], "one assessment")
print(f"{what}, median: {p['50.0']:.1f} µs")
PY

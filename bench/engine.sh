#!/usr/bin/env bash
# One full assessment in-process (every rule, explanations, path to compliance), measured with JMH over
# samples/*.json in turn: AverageTime and SampleTime, in µs. Prints the SampleTime median last.
# FORKS, WARMUP, ITERATIONS (each 2 s) override the defaults (2, 5, 5). Not a test; not in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build.sh
./mvnw -q -B -f bench/jmh/pom.xml package
cp="bench/jmh/target/phendau-jmh-1.0.0.jar:$(cat bench/jmh/target/jmh.classpath):target/quarkus-app/app/*"
cp="$cp:$(ls target/quarkus-app/lib/boot/*.jar target/quarkus-app/lib/main/*.jar | tr "\n" ":")"
result=target/jmh-engine.json
java -cp "$cp" org.openjdk.jmh.Main AssessmentBenchmark -f "${FORKS:-2}" -wi "${WARMUP:-5}" -i "${ITERATIONS:-5}" \
    -rf json -rff "$result" 2>&1 | grep -v -E "WARN|SLF4J"
python3 - "$result" <<'PY'
import json, sys
runs = {r["mode"]: r["primaryMetric"] for r in json.load(open(sys.argv[1]))}
avg, sample = runs["avgt"], runs["sample"]
p = sample["scorePercentiles"]
print(f"average {avg['score']:.1f} ± {avg['scoreError']:.1f} µs; p90 {p['90.0']:.1f} µs, p99 {p['99.0']:.1f} µs")
print(f"one assessment, median: {p['50.0']:.1f} µs")
PY

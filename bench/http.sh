#!/usr/bin/env bash
# HTTP throughput and latency of POST /api/v1/assessments against its floor, POST /api/v1/proposals/validate
# (parse and validate, everything but the rules), measured in the same run with wrk over the samples, and the
# service's resident memory after the load. JAVA_OPTS are the JVM options (default: those README.md gives).
# Also the service's CPU time per answer of each endpoint (a figure less swayed by other work on the cores).
# WARMUP (default 30s) is the load before each endpoint is measured, DURATION (20s) the measurement; APP=<another
# build's quarkus-app> measures that build. METRICS=off measures a build of this tree without Micrometer
# (quarkus.micrometer.enabled=false: no /q/metrics, no HTTP timers, our counters count nowhere), made in
# /tmp/phendau-http-nometrics: alternate it with a run of the default build to measure what metrics cost. Prints the ratio, the assessment endpoint's p99 and the errors last.
# Not a test; not in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-20s}
# Each endpoint is loaded this long before it is measured: the JIT compiles the assessment's code (Drools, the
# findings, Jackson's writers) over half a minute of load on 2 cores, and 10 s measured a service still compiling.
WARMUP=${WARMUP:-30s}
PORT=${PORT:-18081}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx512m -Xms64m -XX:+UseSerialGC"}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
APP=${APP:-}   # another build's quarkus-app folder, e.g. the one before a change; else this one, built if needed
METRICS=${METRICS:-on}
if [ "$METRICS" = off ] && [ -z "$APP" ]; then
  copy=/tmp/phendau-http-nometrics
  mkdir -p "$copy"
  tar --exclude=./target --exclude=./.git --exclude=./data -cf - . | tar -xf - -C "$copy"
  (cd "$copy" && ./mvnw -q -B -o package -DskipTests -Dquarkus.micrometer.enabled=false)
  APP=$copy/target/quarkus-app
fi
if [ -z "$APP" ]; then source bench/build.sh; APP=target/quarkus-app; fi
source bench/port.sh
require_free_port "$PORT"
# shellcheck disable=SC2086
java $JAVA_OPTS -Dquarkus.http.port="$PORT" -jar "$APP/quarkus-run.jar" > /tmp/phendau-http-bench.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" | grep -q UP; do sleep 0.2; done
export SAMPLES=$(ls samples/*.json | tr '\n' ':')
tick=$(getconf CLK_TCK)
cpu_ms() { awk -v t="$tick" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat"; }
run() {  # endpoint -> "RESULT rps=… p50_ms=… p99_ms=… non2xx=… socket_errors=… cpu_us_per_request=…"
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/samples.lua "http://127.0.0.1:$PORT$1" > /dev/null   # warm-up
  local before result
  before=$(cpu_ms)
  result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/samples.lua "http://127.0.0.1:$PORT$1" | grep RESULT)
  # The service's own CPU time per answer (user + system): less swayed than req/s by whatever else the cores run.
  echo "$result" | awk -v ms=$(( $(cpu_ms) - before )) '{split($NF, r, "="); n = r[2] > 0 ? r[2] : 1; print $0 " cpu_us_per_request=" int(ms * 1000 / n)}'
}
floor=$(run /api/v1/proposals/validate)
assess=$(run /api/v1/assessments)
rss=$(ps -o rss= -p "$pid" | awk '{printf "%.0f", $1/1024}')
echo "metrics: $METRICS; JVM options: $JAVA_OPTS; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "validate:    $floor"
echo "assessments: $assess"
echo "resident memory after the load: ${rss} MB"
python3 - "$floor" "$assess" "$CONNECTIONS" <<'PY'
import re, sys
f = dict(re.findall(r"(\w+)=([\d.]+)", sys.argv[1])); a = dict(re.findall(r"(\w+)=([\d.]+)", sys.argv[2]))
errors = int(float(a['non2xx'])) + int(float(a['socket_errors'])) + int(float(f['non2xx'])) + int(float(f['socket_errors']))
print(f"assessments at {float(a['rps']) / float(f['rps']) * 100:.0f}% of the validate floor "
      f"({float(a['rps']):.0f} vs {float(f['rps']):.0f} req/s), p99 {float(a['p99_ms']):.1f} ms, "
      f"{errors} errors, {sys.argv[3]} connections; service CPU per answer {a['cpu_us_per_request']} vs {f['cpu_us_per_request']} µs")
PY

#!/usr/bin/env bash
# Start-up to ready: launches the packaged service and times until /q/health/ready answers UP
# (the rule base is compiled at start-up, so this includes DRL compilation). Median of RUNS runs.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-18080}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
times=()
for i in $(seq "$RUNS"); do
  start=$(date +%s%N)
  java -Dquarkus.http.port="$PORT" -jar target/quarkus-app/quarkus-run.jar > /tmp/phendau-startup.log 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null | grep -q UP; do
    kill -0 "$pid" 2>/dev/null || { echo "service died"; cat /tmp/phendau-startup.log; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "runs (ms): ${times[*]}"
echo "start-up to ready, median of $RUNS: ${sorted[$((RUNS / 2))]} ms"

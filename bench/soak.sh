#!/usr/bin/env bash
# Soak: the packaged service under mixed load at saturation for DURATION seconds (default 300): single
# assessments of the samples, small JSON and CSV lists, and bad requests (bench/soak.lua). Reports the responses
# that were not what the spec gives (target 0; the intended 4xx are counted apart), p99, and the heap after a
# full GC at the start and at the end (flat if nothing leaks). Prints the figure last. Not a test; not in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-300}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-12}
PORT=${PORT:-18082}
JAR=target/quarkus-app/quarkus-run.jar
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
if [ ! -f "$JAR" ] || [ -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]; then
  ./mvnw -q -B package -DskipTests
fi
java -Xmx512m -Dquarkus.http.port="$PORT" -jar "$JAR" > /tmp/phendau-soak.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" | grep -q UP; do sleep 0.2; done
export SAMPLES=$(ls samples/*.json | tr '\n' ':')

heap_mb() {  # heap in use right after a full GC, in MB
  jcmd "$pid" GC.run > /dev/null
  jcmd "$pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | awk '{printf "%.1f", $2 / 1024}'
}
load() {  # seconds -> wrk's RESULT (and UNINTENDED) lines; one connection per wrk thread, see soak.lua
  wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$1"s --timeout 30s --latency -s bench/soak.lua "http://127.0.0.1:$PORT" \
    | grep -E '^(RESULT|UNINTENDED)'
}

echo "machine: $(nproc) cores; $(uptime | sed 's/.*load/load/')"
load "$WARMUP" > /dev/null
heap_start=$(heap_mb)
result=$(load "$DURATION")
heap_end=$(heap_mb)
alive=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"${SAMPLES%%:*}" \
  "http://127.0.0.1:$PORT/api/v1/assessments")
rss=$(ps -o rss= -p "$pid" | awk '{printf "%.0f", $1 / 1024}')
echo "$result"
echo "after the soak: a sample is answered $alive; resident memory ${rss} MB; machine $(uptime | sed 's/.*load/load/')"
python3 - "$result" "$heap_start" "$heap_end" "$DURATION" "$CONNECTIONS" <<'PY'
import re, sys
r = dict(re.findall(r"(\w+)=([\d.]+)", sys.argv[1]))
errors = int(r["unintended"]) + int(r["socket_errors"])
print(f"soak {sys.argv[4]} s, {sys.argv[5]} connections: {int(r['requests'])} requests ({float(r['rps']):.0f} req/s), "
      f"{errors} unintended errors ({int(r['intended_4xx'])} intended 4xx), p99 {float(r['p99_ms']):.0f} ms, "
      f"heap after full GC {sys.argv[2]} MB at start, {sys.argv[3]} MB at end")
PY

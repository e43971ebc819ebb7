#!/usr/bin/env bash
# The first seconds of load right after start-up: starts the packaged service, waits for /q/health/ready to answer UP,
# then at once runs wrk (16 connections, SECS seconds) on POST /api/v1/assessments over the samples. Prints the time
# to ready and the requests served, the slowest and the timeouts (over wrk's 2 s) of those first seconds, last.
# JAVA_OPTS as README.md runs the service; add -Dphendau.warm-up=false to see the service without its warm-up.
# APP=/path/to/quarkus-app runs another build. Not a test; not in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${SECS:-10}
PORT=${PORT:-18082}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx512m -Xms64m -XX:+UseSerialGC"}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
APP=${APP:-}
if [ -z "$APP" ]; then source bench/build.sh; APP=target/quarkus-app; fi
export SAMPLES=$(ls samples/*.json | tr '\n' ':')
start=$(date +%s%N)
# shellcheck disable=SC2086
java $JAVA_OPTS -Dquarkus.http.port="$PORT" -jar "$APP/quarkus-run.jar" > /tmp/phendau-first-requests.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null | grep -q UP; do
  kill -0 "$pid" 2>/dev/null || { echo "service died"; cat /tmp/phendau-first-requests.log; exit 1; }
  sleep 0.01
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
cpu=$(awk -v t="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat")
out=$(wrk -t2 -c16 -d"${SECS}s" -s bench/samples.lua "http://127.0.0.1:$PORT/api/v1/assessments")
requests=$(echo "$out" | awk '/requests in/ {print $1}')
slowest=$(echo "$out" | awk '/Latency/ {print $4}')
timeouts=$(echo "$out" | grep -o 'timeout [0-9]*' | awk '{print $2}' || true)
echo "JVM options: $JAVA_OPTS; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -h 'warmed up' /tmp/phendau-first-requests.log | sed 's/^.*INFO/warm-up:/' || true
echo "ready in $ready ms ($cpu ms of CPU); the first $SECS s after: $requests requests, slowest $slowest, ${timeouts:-0} timeouts"

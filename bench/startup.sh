#!/usr/bin/env bash
# Start-up to ready: launches the packaged service and times until /q/health/ready answers UP
# (the rules load in the background while the service starts; ready means they are loaded). Median of RUNS runs.
# Also the CPU time the JVM had used by then (user + system): a figure less swayed by other work on the machine.
# Ready includes the warm-up over the samples (WarmUp); JAVA_OPTS="... -Dphendau.warm-up=false" leaves it out.
# APP=/path/to/quarkus-app times another build (e.g. the one before a change), without building.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-18080}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx512m -Xms64m -XX:+UseSerialGC"}   # as README.md runs the service
APP=${APP:-}
if [ -z "$APP" ]; then source bench/build.sh; APP=target/quarkus-app; fi
source bench/port.sh
# Each build its own H2 file, kept between runs as ./data is (the first run creates it, once): a build older than the
# database's last migration refuses to start on it, so two builds compared in turn cannot share one.
data=()
if ls "$APP/lib/main" | grep -q agroal; then
  data=(-Dquarkus.datasource.jdbc.url="jdbc:h2:file:$(cd "$APP/.." && pwd)/startup-data/phendau")
fi
times=()
cpus=()
tick=$(getconf CLK_TCK)
for i in $(seq "$RUNS"); do
  require_free_port "$PORT"
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -Dquarkus.http.port="$PORT" "${data[@]}" -jar "$APP/quarkus-run.jar" > /tmp/phendau-startup.log 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null | grep -q UP; do
    kill -0 "$pid" 2>/dev/null || { echo "service died"; cat /tmp/phendau-startup.log; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  cpus+=($(awk -v t="$tick" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat"))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
cpu_sorted=($(printf '%s\n' "${cpus[@]}" | sort -n))
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -h 'rules loaded\|warmed up' /tmp/phendau-startup.log | sed 's/^.*INFO/last run:/' || true
echo "runs (ms): ${times[*]}; CPU time to ready (ms): ${cpus[*]}, median ${cpu_sorted[$((RUNS / 2))]}"
echo "start-up to ready, median of $RUNS: ${sorted[$((RUNS / 2))]} ms"

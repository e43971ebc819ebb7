# Sourced by the benchmarks that start the service: refuses to start on a port something already listens on, whose
# answers would be timed instead of the service's (a service left on 18080 made startup.sh report 17 ms).
require_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "port $1 is in use (by: $(ss -ltnpH "sport = :$1" 2>/dev/null | awk '{print $NF}' | head -1)); stop it or set PORT" >&2
    exit 1
  fi
}

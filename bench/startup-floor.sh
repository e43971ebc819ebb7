#!/usr/bin/env bash
# The start-up floor: how soon a Quarkus application with no code of ours is ready on this machine, timed as
# bench/startup.sh times the service (same JVM options, same readiness probe, median of RUNS). Two builds of
# bench/startup-floor: REST with Jackson and health only, then with every extension the service runs with
# (OpenAPI with the Swagger UI it ships, Hibernate Validator, Qute, Micrometer, JSON logging, Hibernate ORM with
# Panache, Flyway and the H2 and PostgreSQL drivers, one table migrated on an H2 file in /tmp, as the service has
# its dossiers). The service cannot be ready sooner than the
# second; prints it last.
# Not a test; not in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
floor=bench/startup-floor
out=target/startup-floor
rm -rf "$out" && mkdir -p "$out"
./mvnw -q -B -f "$floor/pom.xml" clean package
mv "$floor/target/quarkus-app" "$out/core"
# The service ships the Swagger UI in its packaged build (application.properties), a build-time setting.
./mvnw -q -B -f "$floor/pom.xml" clean package -Pproduct -Dquarkus.swagger-ui.always-include=true
mv "$floor/target/quarkus-app" "$out/product"
# startup.sh says why it failed on its standard output, which the capture would otherwise swallow.
core=$(APP="$out/core" RUNS=$RUNS bash bench/startup.sh) || { echo "$core"; exit 1; }
product=$(APP="$out/product" RUNS=$RUNS bash bench/startup.sh) || { echo "$product"; exit 1; }
echo "REST, Jackson and health only: $(echo "$core" | grep '^runs')"
echo "with the service's other extensions: $(echo "$product" | grep '^runs')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "start-up floor, REST, Jackson and health only, median of $RUNS: $(echo "$core" | tail -1 | sed 's/.*: //')"
echo "start-up floor, with the service's extensions, median of $RUNS: $(echo "$product" | tail -1 | sed 's/.*: //')"

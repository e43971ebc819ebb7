# Sourced by the bench scripts: packages the service when target/quarkus-app is missing or older than its sources.
if [ ! -f target/quarkus-app/quarkus-run.jar ] \
    || [ -n "$(find src/main pom.xml samples -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  ./mvnw -q -B package -DskipTests
fi

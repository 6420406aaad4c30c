#!/usr/bin/env bash
# Runs the whole benchmark suite on this machine (about 14 minutes on 2 cores) and writes
# benchmarks/RESULTS.md: the machine, the JDK, every ratio with its error, and the footprint.
# Usage: benchmarks/run.sh [--quick]   (--quick: one short iteration each, for CI smoke runs)
set -euo pipefail
cd "$(dirname "$0")/.."
quick=""
if [ "${1:-}" = "--quick" ]; then
  quick="-wi 0 -i 1 -f 1 -r 200ms -p products=20000"
fi
# The Javadoc and SBOM gates belong to verify; the benchmarks need only the jars.
./mvnw -q -B -DskipTests -Dhirfa.javadoc.skip=true -Dhirfa.sbom.skip=true -pl benchmarks -am install
out=benchmarks/target/results
rm -rf "$out" && mkdir -p "$out"
jar=benchmarks/target/benchmarks.jar
run() { # name, regex, extra args
  java -Djmh.ignoreLock=true -jar "$jar" "$2" -rf json -rff "$out/$1.json" $quick "${@:3}" \
    > "$out/$1.log" 2>&1 || { tail -30 "$out/$1.log"; exit 1; }
}
run webhooks 'WebhookVerifyBenchmark' -prof gc
run calls 'CallOverheadBenchmark'
run pipeline 'PipelineBenchmark' -prof gc
run decode 'CatalogDecodeBenchmark' -prof gc
run export 'CatalogExportBenchmark'
run prefetch 'CatalogPrefetchBenchmark'

# Footprint: runtime dependencies and jar sizes per module, and a cold JVM's first call.
for m in sdk-core sdk-payments sdk-catalog; do
  ./mvnw -q -B -o dependency:build-classpath -pl "$m" -DincludeScope=runtime \
    -Dmdep.outputFile="$PWD/$out/$m.classpath" > /dev/null
done
cp=$(./mvnw -q -B -o dependency:build-classpath -pl benchmarks -Dmdep.outputFile=/dev/stdout)
for i in 1 2 3; do
  java -cp "benchmarks/target/classes:$cp" ma.hirfa.sdk.benchmarks.ColdStart >> "$out/coldstart.txt"
done
python3 benchmarks/results.py "$out" > benchmarks/RESULTS.md
echo "wrote benchmarks/RESULTS.md"

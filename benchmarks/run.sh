#!/usr/bin/env bash
# Runs the whole benchmark suite on this machine (under 15 minutes on 2 cores) and writes
# benchmarks/RESULTS.md: the machine, the JDK, every ratio against raw OkHttp + Moshi and against
# the generated peers, with wall time, CPU time and allocation per operation, the spread between
# two forks, the export memory proof, the cold start and the footprint.
# Usage: benchmarks/run.sh [--quick]   (--quick: one short iteration each, for CI smoke runs)
#
# The server is a process of its own (ServerMain) pinned to the last core, the benchmark JVMs to
# the others (taskset), so the server's CPU is never the client's.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
quick=""
products=1000000
reps=15
if [ "${1:-}" = "--quick" ]; then
  quick="-wi 0 -i 1 -f 1 -r 200ms"
  products=20000
  reps=2
fi
# The Javadoc and SBOM gates belong to verify; the benchmarks need only the jars. Nothing is
# installed into the local repository: the reactor builds the modules it needs.
./mvnw -q -B -DskipTests -Dhirfa.javadoc.skip=true -Dhirfa.sbom.skip=true -pl benchmarks -am package
out=benchmarks/target/results
rm -rf "$out" && mkdir -p "$out"
jar=benchmarks/target/benchmarks.jar

cores=$(nproc)
client_pin=() server_pin=()
if command -v taskset > /dev/null && [ "$cores" -ge 2 ]; then
  client_pin=(taskset -c "0-$((cores - 2))")
  server_pin=(taskset -c "$((cores - 1))")
fi
servers=()
stop_servers() { for p in "${servers[@]}"; do kill "$p" 2> /dev/null || true; done; }
trap stop_servers EXIT
start_server() { # url-file, products
  "${server_pin[@]}" java -Xmx512m -cp "$jar" ma.hirfa.sdk.benchmarks.ServerMain "$1" "$2" \
    > "$1.log" 2>&1 &
  servers+=($!)
  for _ in $(seq 240); do [ -f "$1" ] && return; sleep 0.5; done
  echo "the server did not start: $(cat "$1.log")"; exit 1
}
start_server "$out/server.url" "$products"
url=$(cat "$out/server.url")
echo "server $url (${server_pin[*]:-unpinned}), benchmarks ${client_pin[*]:-unpinned}" > "$out/setup.txt"

cpu=ma.hirfa.sdk.benchmarks.CpuTimeProfiler
run() { # name, regex, extra args
  "${client_pin[@]}" java -Djmh.ignoreLock=true -jar "$jar" "$2" -rf json -rff "$out/$1.json" \
    -jvmArgsPrepend "-Dhirfa.bench.server=$url" -prof "$cpu" $quick "${@:3}" \
    > "$out/$1.log" 2>&1 || { tail -30 "$out/$1.log"; exit 1; }
}
run webhooks 'WebhookVerifyBenchmark' -prof gc
run calls 'CallOverheadBenchmark' -prof gc
run pipeline 'PipelineBenchmark' -prof gc
run decode 'CatalogDecodeBenchmark' -prof gc
run export 'CatalogExportBenchmark' -prof gc -p "products=$products"
run prefetch 'CatalogPrefetchBenchmark'

# The generated peers' own export method against the SDK's, 100,000 products in a 64 MB heap.
start_server "$out/server-100k.url" 100000
for side in sdk gson native; do
  "${client_pin[@]}" java -Xmx64m -cp "$jar" ma.hirfa.sdk.benchmarks.ExportMemory "$side" \
    "$(cat "$out/server-100k.url")" 100000 >> "$out/export-memory.txt" 2>> "$out/export-memory.log" \
    || echo "export_memory $side 64 failed exit-$?" >> "$out/export-memory.txt"
done

# Cold start: whole processes, alternating the SDK, raw OkHttp + Moshi and the peers.
python3 benchmarks/coldstart.py "$url" "$out" "$reps" > "$out/coldstart.txt"
stop_servers

# Footprint: runtime dependencies and jar sizes per module.
for m in sdk-core sdk-payments sdk-catalog; do
  ./mvnw -q -B -o dependency:build-classpath -pl "$m" -DincludeScope=runtime \
    -Dmdep.outputFile="$PWD/$out/$m.classpath" > /dev/null
done
echo "$(( $(date +%s) - started ))" > "$out/duration-seconds.txt"
python3 benchmarks/results.py "$out" benchmarks/RESULTS.md > "$out/RESULTS.md"
cp "$out/RESULTS.md" benchmarks/RESULTS.md
echo "wrote benchmarks/RESULTS.md in $(cat "$out/duration-seconds.txt") s"

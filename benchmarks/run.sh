#!/usr/bin/env bash
# Runs the whole benchmark suite on this machine (under 15 minutes on 2 cores) and writes
# benchmarks/RESULTS.md: the machine, the JDK, every ratio against raw OkHttp + Moshi and against
# the generated peers, with wall time, CPU time and allocation per operation, the spread between
# two runs, the export memory proof, the cold start, the footprint and each step's time.
#
# Usage: benchmarks/run.sh [--quick]
#   --quick (or HIRFA_BENCH_QUICK=1): one short iteration of each benchmark, 20,000 products, two
#   cold-start rounds. It checks that the whole suite runs, in about 5 minutes; its figures are not
#   measurements, so it writes benchmarks/target/results/RESULTS.md (marked as a quick run) and
#   leaves benchmarks/RESULTS.md as the last full run wrote it.
#
# The server is a process of its own (ServerMain) pinned to the last core, the benchmark JVMs to
# the others (taskset), so the server's CPU is never the client's.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
load=$(cut -d' ' -f1 /proc/loadavg 2> /dev/null || echo unknown) # before our own build adds to it
case "$load" in
  0.* | unknown) ;;
  *) echo "!! load average $load: other work is running, wall times will be noise" >&2 ;;
esac
quick="${HIRFA_BENCH_QUICK:-0}"
if [ "${1:-}" = "--quick" ]; then
  quick=1
fi
if [ "$quick" = "1" ]; then
  jmh_args=(-wi 0 -i 1 -f 1 -w 200ms -r 200ms)
  short_args=()
  products=20000 # the export, the JMH benchmark's and the memory proof's
  reps=2         # cold-start rounds
  limit=180      # seconds an export-memory child may take
else
  jmh_args=()
  short_args=(-wi 2 -i 4) # the instrumentation: five listener configurations, within the 15 minutes
  products=1000000
  reps=15
  limit=300
fi
out=benchmarks/target/results
rm -rf "$out" && mkdir -p "$out"
jar=benchmarks/target/benchmarks.jar
steps="$out/steps.txt"
step() { # name, command...: runs it and records its time
  local name="$1" start
  shift
  start=$(date +%s)
  echo "== $name"
  "$@"
  echo "$(($(date +%s) - start)) $name" >> "$steps"
}

# The modules' jars and each SDK module's runtime class path (for the footprint), in one reactor
# build: nothing is installed into the local repository, nothing is read from it for our modules.
# The Javadoc and SBOM gates belong to verify.
build() {
  ./mvnw -q -B -DskipTests -Dhirfa.javadoc.skip=true -Dhirfa.sbom.skip=true -pl benchmarks -am \
    package dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile=target/footprint.classpath
}
step "build (package, nothing installed)" build

cores=$(nproc)
client_pin=() server_pin=()
if command -v taskset > /dev/null && [ "$cores" -ge 2 ]; then
  client_pin=(taskset -c "0-$((cores - 2))")
  server_pin=(taskset -c "$((cores - 1))")
fi
servers=()
stop_servers() { for p in "${servers[@]}"; do kill "$p" 2> /dev/null || true; done; }
trap stop_servers EXIT
samples="$PWD/$out/samples" # bodies the sandbox renders once, read by every fork
start_server() {            # url-file, products
  "${server_pin[@]}" java -Xmx512m "-Dhirfa.bench.samples=$samples" -cp "$jar" \
    ma.hirfa.sdk.benchmarks.ServerMain "$1" "$2" > "$1.log" 2>&1 &
  servers+=($!)
  for _ in $(seq 240); do [ -f "$1" ] && return; sleep 0.5; done
  echo "the server did not start: $(cat "$1.log")"
  exit 1
}
step "server (renders the export lines once)" start_server "$out/server.url" "$products"
url=$(cat "$out/server.url")
echo "server $url (${server_pin[*]:-unpinned}), benchmarks ${client_pin[*]:-unpinned};" \
  "load average $load before the run" > "$out/setup.txt"

cpu=ma.hirfa.sdk.benchmarks.CpuTimeProfiler
run() { # name, regex, extra args: fails the whole run when a benchmark fails (-foe)
  "${client_pin[@]}" java -Djmh.ignoreLock=true -jar "$jar" "$2" -foe true -rf json \
    -rff "$out/$1.json" -jvmArgsPrepend "-Dhirfa.bench.server=$url -Dhirfa.bench.samples=$samples" \
    -prof "$cpu" "${jmh_args[@]}" "${@:3}" > "$out/$1.log" 2>&1 || {
    tail -30 "$out/$1.log"
    exit 1
  }
}
step "webhooks" run webhooks 'WebhookVerifyBenchmark' -prof gc
step "calls" run calls 'CallOverheadBenchmark' -prof gc
step "pipeline" run pipeline 'PipelineBenchmark' -prof gc
step "decode" run decode 'CatalogDecodeBenchmark' -prof gc
step "export" run export 'CatalogExportBenchmark' -prof gc -p "products=$products"
step "prefetch" run prefetch 'CatalogPrefetchBenchmark'
# What listeners cost per call, on the in-memory transport (a round trip's noise would hide them).
step "instrumentation" run instrumentation 'InstrumentationBenchmark' -prof gc -p transport=memory \
  "${short_args[@]}"

# The generated peers' own export method against the SDK's, in a 32 MB heap each. A child that
# fails is a finding, reported as such. A child whose HTTP client thread died of an
# OutOfMemoryError can wait for ever on a full heap that cannot even handle SIGTERM or halt: its
# watchdog prints its line from bytes prepared in advance, and this loop kills it (SIGKILL) once the
# line is there, or at the time limit.
export_memory() {
  for side in sdk gson native; do
    local line="$out/export-memory-$side.txt" status=0 pid t
    : > "$line" # created (and emptied) before the child starts, which the loop below reads
    "${client_pin[@]}" java -Xmx32m -cp "$jar" ma.hirfa.sdk.benchmarks.ExportMemory \
      "$side" "$url" "$products" "$limit" > "$line" 2>> "$out/export-memory.log" &
    pid=$!
    for ((t = 0; t < 10 * (limit + 30); t++)); do
      kill -0 "$pid" 2> /dev/null || break
      if grep -q "^export_memory $side " "$line"; then
        for ((t = 0; t < 20; t++)); do # two seconds to exit by itself
          kill -0 "$pid" 2> /dev/null || break
          sleep 0.1
        done
        break
      fi
      sleep 0.1
    done
    kill -9 "$pid" 2> /dev/null && echo "ExportMemory $side: killed after its line" >> "$out/export-memory.log"
    wait "$pid" 2> /dev/null || status=$?
    if grep -q "^export_memory $side " "$line"; then
      grep "^export_memory $side " "$line" >> "$out/export-memory.txt"
    else
      echo "export_memory $side 32 failed 0 0 the child JVM ended with status $status and no outcome" \
        >> "$out/export-memory.txt"
    fi
  done
}
step "export memory (-Xmx32m children)" export_memory

# Cold start: whole processes, alternating the SDK, raw OkHttp + Moshi and the peers.
step "cold start" python3 benchmarks/coldstart.py "$url" "$out" "$reps"
stop_servers

for m in sdk-core sdk-payments sdk-catalog; do
  cp "$m/target/footprint.classpath" "$out/$m.classpath"
done
echo "$(($(date +%s) - started))" > "$out/duration-seconds.txt"
if [ "$quick" = "1" ]; then
  python3 benchmarks/results.py "$out" benchmarks/RESULTS.md --quick > "$out/RESULTS.md"
  echo "quick run: wrote $out/RESULTS.md in $(cat "$out/duration-seconds.txt") s" \
    "(benchmarks/RESULTS.md left as the last full run wrote it)"
else
  python3 benchmarks/results.py "$out" benchmarks/RESULTS.md > "$out/RESULTS.md"
  cp "$out/RESULTS.md" benchmarks/RESULTS.md
  echo "wrote benchmarks/RESULTS.md in $(cat "$out/duration-seconds.txt") s"
fi
if [ "$(cat "$out/duration-seconds.txt")" -gt 900 ]; then
  echo "!! over the 15-minute budget: see the step times at the end of RESULTS.md" >&2
fi

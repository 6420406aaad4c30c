#!/usr/bin/env bash
# Builds and runs the consumer applications against the artifacts .ci/stage-release just wrote to
# target/staging, each one making real calls to the standalone sandbox (itself taken from the
# staging repository), then checks that every Hirfa file the applications used was signed by the
# staging key, and writes the runtime footprint of each artifact choice.
#
#   .ci/stage-release && consumer-tests/run.sh [name...]
#
# Output: target/consumer-tests/<name>.log, footprint.md, sandbox.log. The applications' local
# repository is target/consumer-tests/m2 (never ~/.m2); see consumer-tests/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
out="$root/target/consumer-tests"
m2="$out/m2"
staging="$root/target/staging"
key="$root/target/staging-key.asc"
[ -d "$staging/ma/hirfa" ] && [ -f "$key" ] || {
  echo "!! no staging repository: run .ci/stage-release first" >&2
  exit 1
}
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' sdk-bom/pom.xml | head -1)"
mkdir -p "$out"
# Hirfa artifacts always come afresh from the staging repository; other libraries stay cached.
rm -rf "$m2/ma/hirfa"

gnupg="$(mktemp -d)"
chmod 700 "$gnupg"
sandbox_pid=""
cleanup() {
  if [ -n "$sandbox_pid" ]; then kill "$sandbox_pid" 2>/dev/null || true; fi
  gpgconf --homedir "$gnupg" --kill all >/dev/null 2>&1 || true
  rm -rf "$gnupg"
}
trap cleanup EXIT
gpg --homedir "$gnupg" --batch --quiet --import "$key"

verify_signature() { # file, its signature
  gpg --homedir "$gnupg" --batch --quiet --verify "$2" "$1" 2>/dev/null || {
    echo "!! bad or missing signature: $1 ($2)" >&2
    exit 1
  }
}

# The standalone sandbox, as published.
standalone="$(ls "$staging"/ma/hirfa/hirfa-sdk-testkit/"$version"/hirfa-sdk-testkit-*-standalone.jar | sort | tail -1)"
verify_signature "$standalone" "$standalone.asc"
java -jar "$standalone" --port 0 --seed 42 --products 1000 > "$out/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 300); do
  grep -q '^hirfa-sandbox ready ' "$out/sandbox.log" && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$out/sandbox.log"; exit 1; }
  sleep 0.1
done
ready="$(grep -m1 '^hirfa-sandbox ready ' "$out/sandbox.log")" || { cat "$out/sandbox.log"; exit 1; }
HIRFA_BASE_URL="$(sed 's/.* base_url=\([^ ]*\).*/\1/' <<< "$ready")"
HIRFA_API_KEY="$(sed 's/.* api_key=\([^ ]*\).*/\1/' <<< "$ready")"
HIRFA_STAGING="$staging"
export HIRFA_BASE_URL HIRFA_API_KEY HIRFA_STAGING
echo "== sandbox: $ready"

# name:directory:extra Maven arguments
all=(strict:strict: strict-bundle:strict:-Pbundle okhttp4-first:okhttp4-first:
  retrofit-first:retrofit-first: spring-boot-3.5:spring-boot-3.5:
  spring-boot-3.5-kotlin-1.9:spring-boot-3.5:-Pboot-kotlin spring-boot-4.0:spring-boot-4.0:)
wanted=("$@")
footprint="$out/footprint.md"
{
  echo "| consumer | Hirfa artifact | runtime jars | MB | Kotlin stdlib | OkHttp | Okio | SLF4J API |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$footprint"

jar_version() { # list of jar paths or names, artifact ids... -> the version of the first found
  local jars="$1" id found
  shift
  for id in "$@"; do
    found="$(grep -o "/$id-[0-9][^/]*\.jar$\|^$id-[0-9][^/]*\.jar$" <<< "$jars" | head -1 |
      sed "s:^/*$id-\(.*\)\.jar$:\1:" || true)"
    if [ -n "$found" ]; then echo "$found"; return; fi
  done
  echo "-"
}

for entry in "${all[@]}"; do
  IFS=: read -r name dir args <<< "$entry"
  if [ ${#wanted[@]} -gt 0 ] && [[ ! " ${wanted[*]} " == *" $name "* ]]; then continue; fi
  start=$(date +%s)
  # shellcheck disable=SC2086
  if ! ./mvnw -B -f "consumer-tests/$dir/pom.xml" -s consumer-tests/settings.xml \
      -Dmaven.repo.local="$m2" -Dhirfa.version="$version" $args clean verify > "$out/$name.log" 2>&1; then
    grep -E '^\[ERROR\]|Exception|^\s+at ' "$out/$name.log" | head -40
    echo "!! consumer $name failed (log: target/consumer-tests/$name.log)" >&2
    exit 1
  fi
  line="$(grep -E "^(strict|okhttp4-first|retrofit-first|spring-boot-[0-9.]+): " "$out/$name.log" | tail -1)"
  echo "== $name: $(( $(date +%s) - start )) s: $line"
  if [[ "$name" == *-kotlin-1.9 ]] && [[ "$line" != *"; Kotlin 1.9."* ]]; then
    echo "!! $name did not run on Kotlin 1.9" >&2
    exit 1
  fi

  # What the application runs on: its runtime class path (or the Boot jar's BOOT-INF/lib).
  if [[ "$name" == spring-boot-* ]]; then
    boot_jar="consumer-tests/$dir/target/$dir-1.jar"
    jars="$(unzip -Z1 "$boot_jar" 'BOOT-INF/lib/*.jar' | sed 's:^BOOT-INF/lib/::')"
    count=$(wc -l <<< "$jars")
    bytes=$(unzip -l "$boot_jar" 'BOOT-INF/lib/*.jar' | tail -1 | awk '{print $1}')
  else
    jars="$(tr ':' '\n' < "consumer-tests/$dir/target/classpath.txt")"
    printf '%s\n' "$jars" > "$out/$name.classpath"
    count=$(wc -l <<< "$jars")
    bytes=$(xargs stat -c %s <<< "$jars" | awk '{ total += $1 } END { print total }')
    # Every Hirfa jar on the class path comes from this run's repository, not from anywhere else.
    if grep 'ma/hirfa' <<< "$jars" | grep -v "^$m2/"; then
      echo "!! $name resolved a Hirfa jar outside $m2" >&2
      exit 1
    fi
  fi
  if grep -q 'hirfa-sdk-bundle' <<< "$jars"; then artifact="hirfa-sdk-bundle"; else artifact="payments + catalog"; fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$artifact" "$count" \
    "$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }')" \
    "$(jar_version "$jars" kotlin-stdlib)" "$(jar_version "$jars" okhttp-jvm okhttp)" \
    "$(jar_version "$jars" okio-jvm okio)" "$(jar_version "$jars" slf4j-api)" >> "$footprint"
done

# Every Hirfa file the applications resolved (POMs, the BOM and parents, jars) carries the staging
# key's signature, and the working copies Maven made of them are the signed bytes.
verified=0
while IFS= read -r file; do
  relative="${file#"$m2"/}"
  verify_signature "$file" "$staging/$relative.asc"
  verified=$((verified + 1))
done < <(find "$m2/ma/hirfa" -type f -regextype posix-extended -regex '.*-[0-9]{8}\.[0-9]{6}-[0-9]+(-[a-z]+)?\.(jar|pom)')
while IFS= read -r copy; do
  dir="$(dirname "$copy")"
  base="$(basename "$copy")"
  stamped="$(ls "$dir/${base%%-SNAPSHOT*}"-[0-9]*"${base##*-SNAPSHOT}" 2>/dev/null | sort | tail -1)"
  cmp -s "$copy" "$stamped" || { echo "!! $copy differs from the signed $stamped" >&2; exit 1; }
done < <(find "$m2/ma/hirfa" -type f -name '*-SNAPSHOT*.jar' -o -type f -name '*-SNAPSHOT*.pom')
[ "$verified" -ge 3 ] || { echo "!! only $verified Hirfa files were resolved" >&2; exit 1; }
echo "== signatures: $verified Hirfa files resolved from the staging repository, each verified"

# The SDK alone, per choice: the strict application's class path without its own slf4j-simple.
sdk_alone() { # name of a strict run, label
  [ -f "$out/$1.classpath" ] || return 0
  local jars bytes
  jars="$(grep -v '/slf4j-simple-' "$out/$1.classpath")"
  bytes=$(xargs stat -c %s <<< "$jars" | awk '{ total += $1 } END { print total }')
  printf '| %s | %s | %s | %s |\n' "$2" "$(wc -l <<< "$jars")" \
    "$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }')" \
    "$(xargs -n1 basename <<< "$jars" | sed 's/\.jar$//' | paste -sd, | sed 's/,/, /g')"
}
{
  echo
  echo "The SDK alone (both clients), as the strict application resolves it:"
  echo
  echo "| choice | jars | MB | jars |"
  echo "|---|---|---|---|"
  sdk_alone strict "hirfa-sdk-payments + hirfa-sdk-catalog (BOM imported)"
  sdk_alone strict-bundle "hirfa-sdk-bundle"
} >> "$footprint"
echo "== requests the sandbox served: $(grep -c ' ms$' "$out/sandbox.log")"
cat "$footprint"

#!/usr/bin/env python3
"""Cold start: a fresh JVM to the first completed payment get, as whole processes.

Usage: coldstart.py <server-base-url> <out-dir> [repetitions]

Runs ColdStart$Sdk, $Raw, $Gson and $Native (benchmarks/src/.../ColdStart.java) against the
server process run.sh started (ServerMain), each on a class path of its own libraries only,
alternating the sides in a rotating order so that a burst of load on the machine hits every side
alike. For each process it records the wall time from fork to exit and the CPU time it used (user +
system, of every thread: JIT and GC included), which a loaded machine disturbs far less. Once per
side it counts the classes loaded (-Xlog:class+load), by where they came from. The SDK also runs
with an AppCDS archive (the recipe in benchmarks/README.md), made here by one training run.
Writes <out-dir>/coldstart.json.
"""
import json, os, re, statistics, subprocess, sys, time

BENCH = os.path.dirname(os.path.abspath(__file__))
TARGET = os.path.join(BENCH, 'target')
MAIN = 'ma.hirfa.sdk.benchmarks.ColdStart$'

# Each side's libraries, picked by jar name from the module's runtime class path.
SIDES = {
    'sdk': ['hirfa-sdk-core', 'hirfa-sdk-payments', 'okhttp-jvm', 'okio-jvm', 'kotlin-stdlib',
            'annotations-13', 'moshi', 'resilience4j', 'slf4j-api', 'slf4j-nop', 'jspecify',
            'libphonenumber'],
    'raw': ['okhttp-jvm', 'okio-jvm', 'kotlin-stdlib', 'annotations-13', 'moshi'],
    'gson': ['okhttp-jvm', 'okio-jvm', 'kotlin-stdlib', 'annotations-13', 'gson-', 'gson-fire',
             'logging-interceptor', 'commons-lang3', 'jakarta.annotation-api', 'jsr305'],
    'native': ['jackson-core', 'jackson-databind', 'jackson-annotations', 'jackson-datatype-jsr310',
               'jakarta.annotation-api', 'jsr305'],
}
MAINS = {'sdk': 'Sdk', 'raw': 'Raw', 'gson': 'Gson', 'native': 'Native', 'sdk+appcds': 'Sdk'}


def classpath(side):
    jars = open(os.path.join(TARGET, 'runtime.classpath')).read().strip().split(':')
    keep = [j for j in jars if any(os.path.basename(j).startswith(p) for p in SIDES[side.split('+')[0]])]
    # The mains as a jar: AppCDS refuses a directory on the class path.
    own = [os.path.join(TARGET, f) for f in os.listdir(TARGET) if re.match(r'hirfa-benchmarks-.*\.jar$', f)]
    return ':'.join(own + keep)


def command(side, url, extra=()):
    return ['java', *extra, '-cp', classpath(side), MAIN + MAINS[side], url]


def run(cmd):
    """Runs one process; returns (wall ms, cpu ms, first-call ms)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = (time.monotonic() - start) * 1000
    out = proc.stdout.read().decode()
    err = proc.stderr.read().decode()
    proc.returncode = os.waitstatus_to_exitcode(status)
    m = re.search(r'first_call_ms \S+ (\d+)', out)
    if proc.returncode != 0 or not m:
        raise SystemExit(f'{" ".join(cmd[-2:])} failed ({proc.returncode}): {out}{err}')
    return wall, (usage.ru_utime + usage.ru_stime) * 1000, int(m.group(1))


def class_loads(side, url, out_dir, extra=()):
    """Counts the classes one process loads, by origin; keeps the log."""
    log = os.path.join(out_dir, f'classload-{side}.log')
    run(command(side, url, [*extra, f'-Xlog:class+load=info:file={log}']))
    total, shared, by_origin = 0, 0, {}
    for line in open(log):
        m = re.search(r'\] (\S+) source: (.*)$', line)
        if not m:
            continue
        name, source = m.group(1), m.group(2)
        total += 1
        if 'shared objects file' in source:
            shared += 1
        if 'jrt:/' in source or 'shared objects file' in source:
            origin = 'JDK'
        elif source.startswith('__') or 'Lookup' in source or '$$Lambda' in name:
            origin = 'generated at run time (lambdas, method handles)'
        else:
            origin = name.rsplit('.', 1)[0]
            for prefix in ['kotlin', 'okhttp3', 'okio', 'com.squareup.moshi', 'io.github.resilience4j',
                           'ma.hirfa.sdk', 'ma.hirfa.peers', 'com.google.gson', 'io.gsonfire',
                           'com.fasterxml.jackson', 'org.slf4j', 'org.apache.commons',
                           'com.google.i18n']:
                if origin.startswith(prefix):
                    origin = prefix
                    break
        by_origin[origin] = by_origin.get(origin, 0) + 1
    return {'total': total, 'from_cds': shared, 'by_origin': by_origin}


def quartiles(values):
    """The first and third quartiles (the middle half of the values); min and max below 4."""
    v = sorted(values)
    if len(v) < 4:
        return [v[0], v[-1]]
    q = statistics.quantiles(v, n=4, method='inclusive')
    return [round(q[0], 3), round(q[2], 3)]


def main():
    url, out_dir = sys.argv[1], sys.argv[2]
    reps = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    jsa = os.path.join(out_dir, 'sdk.jsa')
    # The AppCDS recipe: one training run writes the archive, later runs map it.
    run(command('sdk', url, [f'-XX:ArchiveClassesAtExit={jsa}', '-Xlog:cds=off', '-Xlog:cds+dynamic=off']))
    appcds = [f'-XX:SharedArchiveFile={jsa}']
    sides = ['sdk', 'raw', 'gson', 'native', 'sdk+appcds']
    extra = {s: (appcds if s == 'sdk+appcds' else []) for s in sides}
    result = {'repetitions': reps, 'sides': {}}
    for s in sides:
        result['sides'][s] = {'classes': class_loads(s, url, out_dir, extra[s]),
                              'wall_ms': [], 'cpu_ms': [], 'first_call_ms': []}
    for s in sides:  # one unmeasured round: the page cache holds every jar afterwards
        run(command(s, url, extra[s]))
    for i in range(reps):
        order = sides[i % len(sides):] + sides[:i % len(sides)]
        for s in order:
            wall, cpu, first = run(command(s, url, extra[s]))
            r = result['sides'][s]
            r['wall_ms'].append(round(wall, 1))
            r['cpu_ms'].append(round(cpu, 1))
            r['first_call_ms'].append(first)
    for s, r in result['sides'].items():
        r['median_wall_ms'] = statistics.median(r['wall_ms'])
        r['median_cpu_ms'] = statistics.median(r['cpu_ms'])
        r['median_first_call_ms'] = statistics.median(r['first_call_ms'])
        r['iqr_wall_ms'] = quartiles(r['wall_ms'])
        r['iqr_cpu_ms'] = quartiles(r['cpu_ms'])
    # Each round ran every side once, close together: the ratio within a round cancels most of a
    # load burst, so its spread over the rounds is the honest error of the ratio of medians.
    raw = result['sides']['raw']
    for s, r in result['sides'].items():
        if s == 'raw':
            continue
        r['round_wall_ratio'] = [round(a / b, 3) for a, b in zip(r['wall_ms'], raw['wall_ms'])]
        r['round_cpu_ratio'] = [round(a / b, 3) for a, b in zip(r['cpu_ms'], raw['cpu_ms'])]
        r['iqr_round_wall_ratio'] = quartiles(r['round_wall_ratio'])
        r['iqr_round_cpu_ratio'] = quartiles(r['round_cpu_ratio'])
    json.dump(result, open(os.path.join(out_dir, 'coldstart.json'), 'w'), indent=1)
    for s, r in result['sides'].items():
        print(f"{s:11} wall {r['median_wall_ms']:7.1f} ms  cpu {r['median_cpu_ms']:7.1f} ms  "
              f"main→first call {r['median_first_call_ms']:5} ms  classes {r['classes']['total']}")


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Renders benchmarks/RESULTS.md from the JMH JSON results and footprint files of run.sh."""
import glob, json, math, os, platform, re, subprocess, sys, statistics, datetime

out = sys.argv[1]

def load(name):
    path = os.path.join(out, name + '.json')
    if not os.path.exists(path):
        return {}
    rows = {}
    for r in json.load(open(path)):
        key = r['benchmark'].split('.')[-1]
        params = r.get('params') or {}
        if params:
            key += '[' + ','.join(f'{k}={v}' for k, v in sorted(params.items())) + ']'
        m = r['primaryMetric']
        alloc = (r.get('secondaryMetrics') or {}).get('gc.alloc.rate.norm') or \
                (r.get('secondaryMetrics') or {}).get('·gc.alloc.rate.norm')
        rows[key] = dict(score=m['score'], err=m['scoreError'] if not math.isnan(m['scoreError']) else 0.0,
                         unit=m['scoreUnit'], alloc=alloc['score'] if alloc else None,
                         jvm=r.get('jvm'), jdk=r.get('jdkVersion'), vm=r.get('vmName'))
    return rows

def ratio(a, b):
    r = a['score'] / b['score']
    rel = math.sqrt((a['err'] / a['score']) ** 2 + (b['err'] / b['score']) ** 2)
    return r, r * rel

def fmt(x):
    return f"{x['score']:,.3f} ± {x['err']:,.3f} {x['unit']}"

def verdict(ok):
    return 'met' if ok else '**missed**'

lines = []
w = lambda s='': lines.append(s)
all_rows = {n: load(n) for n in ['webhooks', 'calls', 'pipeline', 'decode', 'export', 'prefetch']}
any_row = next((r for rows in all_rows.values() for r in rows.values()), None)
cpu = subprocess.run(['sh', '-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
w('# Benchmark results')
w()
w(f'Produced by `benchmarks/run.sh` on {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC. Do not edit by hand.')
w()
w(f'- Machine: {os.cpu_count()} cores, {cpu or platform.processor()}, {platform.system()} {platform.release()}')
if any_row:
    w(f"- JDK: {any_row['vm']} {any_row['jdk']}")
w('- Every ratio compares the SDK with a raw baseline measured in the same run, against a local')
w('  server on 127.0.0.1 that is not the bottleneck (not the WireMock sandbox). Errors are JMH 99.9 %')
w('  confidence intervals; a ratio\'s error combines both sides\'.')
w()
w('| claim | SDK | baseline | ratio | target | verdict |')
w('|---|---|---|---|---|---|')
rows = all_rows['webhooks']
for key in sorted(k for k in rows if k.startswith('sdkVerify')):
    base = rows.get(key.replace('sdkVerify', 'rawMac'))
    if base:
        r, e = ratio(rows[key], base)
        size = re.search(r'=(\d+)', key)
        kb = int(size.group(1)) // 1024 if size else 0
        target = 1.3 if kb <= 1 else 1.1
        w(f'| webhook verify {kb} KB | {fmt(rows[key])} | {fmt(base)} | {r:.2f} ± {e:.2f}× | ≤ {target}× | {verdict(r <= target)} |')
rows = all_rows['calls']
if 'sdkGet' in rows and 'rawGet' in rows:
    r, e = ratio(rows['sdkGet'], rows['rawGet'])
    w(f"| call latency, sequential | {fmt(rows['sdkGet'])} | {fmt(rows['rawGet'])} | {r:.2f} ± {e:.2f}× | ≤ 1.10× | {verdict(r <= 1.10)} |")
if 'sdkGetThroughput8' in rows and 'rawGetThroughput8' in rows:
    r, e = ratio(rows['sdkGetThroughput8'], rows['rawGetThroughput8'])
    w(f"| call throughput, 8 threads | {fmt(rows['sdkGetThroughput8'])} | {fmt(rows['rawGetThroughput8'])} | {r:.2f} ± {e:.2f}× | ≥ 0.90× | {verdict(r >= 0.90)} |")
rows = all_rows['pipeline']
if 'sdkResilient' in rows and 'sdkBare' in rows:
    a, b = rows['sdkResilient'], rows['sdkBare']
    d = a['score'] - b['score']
    e = math.sqrt(a['err'] ** 2 + b['err'] ** 2)
    w(f"| resilience decorators on a first-time success (in-memory transport), added time | {fmt(a)} | {fmt(b)} | {d:+.2f} ± {e:.2f} µs | < 2 µs | {verdict(d < 2.0)} |")
if 'sdkResilient' in rows and 'raw' in rows:
    a, b = rows['sdkResilient'], rows['raw']
    r, e = ratio(a, b)
    w(f"| whole SDK pipeline vs OkHttp + Moshi map (in-memory transport, reported) | {fmt(a)} | {fmt(b)} | {r:.2f} ± {e:.2f}× ({a['score'] - b['score']:+.1f} µs) | | |")
rows = all_rows['decode']
if 'sdk' in rows:
    for base, target, op in [('jackson', 1.0, '<='), ('moshiSkip', 2.5, '<='), ('moshiMap', None, None)]:
        if base in rows:
            r, e = ratio(rows['sdk'], rows[base])
            if target is None:
                w(f"| decode a 100-product page vs Moshi's generic maps (reported) | {fmt(rows['sdk'])} | {fmt(rows[base])} | {r:.2f} ± {e:.2f}× | | |")
            else:
                w(f"| decode a 100-product page vs {base} | {fmt(rows['sdk'])} | {fmt(rows[base])} | {r:.2f} ± {e:.2f}× | ≤ {target}× | {verdict(r <= target)} |")
rows = all_rows['export']
sdk = next((v for k, v in rows.items() if k.startswith('sdkExport')), None)
raw = next((v for k, v in rows.items() if k.startswith('rawLoop')), None)
if sdk and raw:
    r, e = ratio(raw, sdk)  # throughput ratio = raw time / SDK time
    n = re.search(r'products=(\d+)', next(k for k in rows if k.startswith('sdkExport')))
    w(f"| export {int(n.group(1)):,} products in -Xmx64m, throughput | {fmt(sdk)} | {fmt(raw)} | {r:.2f} ± {e:.2f}× | ≥ 0.85× | {verdict(r >= 0.85)} |")
rows = all_rows['prefetch']
if 'withPrefetch' in rows and 'withoutPrefetch' in rows:
    r, e = ratio(rows['withoutPrefetch'], rows['withPrefetch'])
    w(f"| auto-pagination speed-up with prefetch (2 ms/page server, 2 ms/page caller) | {fmt(rows['withPrefetch'])} | {fmt(rows['withoutPrefetch'])} | {r:.2f} ± {e:.2f}× | ≥ 1.5× | {verdict(r >= 1.5)} |")
w()
w('Allocation per operation (`-prof gc`):')
w()
for name in ['webhooks', 'pipeline', 'decode']:
    for k, v in sorted(all_rows[name].items()):
        if v['alloc'] is not None:
            w(f"- {name} `{k}`: {v['alloc']:,.0f} B/op")
w()
w('## Footprint')
w()
w('| module | runtime dependencies (jars) | their total size | module jar |')
w('|---|---|---|---|')
for m in ['sdk-core', 'sdk-payments', 'sdk-catalog']:
    path = os.path.join(out, m + '.classpath')
    if not os.path.exists(path):
        continue
    jars = [j for j in open(path).read().strip().split(':') if j]
    size = sum(os.path.getsize(j) for j in jars if os.path.exists(j))
    own = glob.glob(f'{m}/target/hirfa-{m}-*.jar')
    own = [j for j in own if not j.endswith(('-sources.jar', '-javadoc.jar'))]
    w(f"| hirfa-{m} | {len(jars)} | {size / 1e6:.1f} MB | {os.path.getsize(own[0]) / 1e3:.0f} KB |" if own else f"| hirfa-{m} | {len(jars)} | {size / 1e6:.1f} MB | - |")
cold = os.path.join(out, 'coldstart.txt')
if os.path.exists(cold):
    values = [int(l.split()[1]) for l in open(cold) if l.startswith('cold_start_ms')]
    first = [int(l.split()[3]) for l in open(cold) if l.startswith('cold_start_ms')]
    w()
    w(f'Cold JVM to the first completed `payments().get()` against a local server: median '
      f'{statistics.median(values)} ms over {len(values)} runs (of which the client\'s build and first call: '
      f'median {statistics.median(first)} ms).')
print('\n'.join(lines))

#!/usr/bin/env python3
"""Renders benchmarks/RESULTS.md from the files run.sh writes into its results folder.

Usage: results.py <results-dir> [previous RESULTS.md]

Every figure has its wall time, CPU time per operation (CpuTimeProfiler) and allocation per
operation (-prof gc), and the spread between the benchmark's two forks (two separate JVMs: two
runs). A target is judged on wall time when its whole error interval lies on one side of it; when
the interval straddles the target ("on the line"), on CPU time per operation, which waiting for a
busy core does not inflate. The hand-written section "Footprint of each artifact choice" of the
previous RESULTS.md is kept as it was.
"""
import datetime, glob, json, math, os, platform, re, statistics, subprocess, sys

out = sys.argv[1]
previous = sys.argv[2] if len(sys.argv) > 2 else None
KEPT = '## Footprint of each artifact choice'


def load(name):
    path = os.path.join(out, name + '.json')
    if not os.path.exists(path):
        return {}
    rows = {}
    for r in json.load(open(path)):
        key = r['benchmark'].split('.')[-1]
        params = {k: v for k, v in (r.get('params') or {}).items() if k != 'products'}
        if params:
            key += '[' + ','.join(f'{k}={v}' for k, v in sorted(params.items())) + ']'
        m = r['primaryMetric']
        sec = r.get('secondaryMetrics') or {}
        alloc = sec.get('gc.alloc.rate.norm') or sec.get('·gc.alloc.rate.norm')
        cpu = sec.get('cpu.time.per.op')
        forks = [statistics.mean(f) for f in m.get('rawData') or [] if f]
        cpu_forks = [statistics.mean(f) for f in (cpu or {}).get('rawData') or [] if f]
        err = m['scoreError'] if not math.isnan(m['scoreError']) else 0.0
        rows[key] = dict(score=m['score'], err=err, unit=m['scoreUnit'], mode=r['mode'],
                         threads=r.get('threads', 1), forks=forks, cpu=cpu['score'] if cpu else None,
                         cpu_forks=cpu_forks, alloc=alloc['score'] if alloc else None,
                         params=r.get('params') or {}, jdk=r.get('jdkVersion'), vm=r.get('vmName'))
    return rows


R = {n: load(n) for n in ['webhooks', 'calls', 'pipeline', 'decode', 'export', 'prefetch']}
lines = []
w = lambda s='': lines.append(s)


def time_per_op(x):
    """Wall µs per operation (throughput converted), for CPU comparisons."""
    if x['unit'] == 'ops/s':
        return 1e6 / x['score'] * x['threads']
    return x['score'] * {'us/op': 1, 'ms/op': 1e3, 's/op': 1e6}[x['unit']]


def fmt(x):
    return f"{x['score']:,.1f} ± {x['err']:,.1f} {x['unit']}" if x['score'] >= 100 else \
        f"{x['score']:,.3f} ± {x['err']:,.3f} {x['unit']}"


def cpu_us(x):
    return '-' if x.get('cpu') is None else f"{x['cpu'] / 1000:,.1f} µs"


def alloc(x):
    return '-' if x.get('alloc') is None else f"{x['alloc']:,.0f} B"


def cost_ratio(a, b, higher_is_better):
    """a against b as a cost (time) ratio, or as a throughput ratio when higher is better."""
    r = a['score'] / b['score']
    e = r * math.sqrt((a['err'] / a['score']) ** 2 + (b['err'] / b['score']) ** 2)
    fork = [x / y for x, y in zip(a['forks'], b['forks'])]
    cpu = None
    if a.get('cpu') and b.get('cpu'):
        cpu = b['cpu'] / a['cpu'] if higher_is_better else a['cpu'] / b['cpu']
    cpu_fork = [(y / x if higher_is_better else x / y) for x, y in zip(a['cpu_forks'], b['cpu_forks'])]
    return r, e, fork, cpu, cpu_fork


def spread(values):
    return '-' if len(values) < 2 else f"{min(values):.2f}–{max(values):.2f}"


def judge(r, e, cpu, target, at_most):
    ok = (lambda v: v <= target) if at_most else (lambda v: v >= target)
    lo, hi = r - e, r + e
    if ok(lo) == ok(hi):
        return ('met' if ok(r) else '**missed**'), 'wall'
    if cpu is None:
        return ('met' if ok(r) else '**missed**') + ' (on the line)', 'wall'
    return ('met' if ok(cpu) else '**missed**'), 'CPU (wall on the line)'


claims = []  # (claim, sdk row, base row, target text, target, at_most, higher_is_better)
wh = R['webhooks']
for key in sorted(k for k in wh if k.startswith('sdkVerify')):
    base = wh.get(key.replace('sdkVerify', 'rawMac'))
    kb = int(re.search(r'=(\d+)', key).group(1)) // 1024
    if base:
        claims.append((f'webhook verify {kb} KB vs a reused raw `Mac`', wh[key], base,
                       1.2 if kb <= 1 else 1.1, True, False))
c = R['calls']
if 'sdkGet' in c and 'rawGet' in c:
    claims.append(('call latency, sequential', c['sdkGet'], c['rawGet'], 1.05, True, False))
if 'sdkGetThroughput8' in c and 'rawGetThroughput8' in c:
    claims.append(('call throughput, 8 threads', c['sdkGetThroughput8'], c['rawGetThroughput8'], 0.95, False, True))
d = R['decode']
if 'sdk' in d:
    for base, target in [('jackson', 1.0), ('moshiSkip', 2.5)]:
        if base in d:
            claims.append((f'decode a 100-product page vs {base}', d['sdk'], d[base], target, True, False))
e = R['export']
if 'sdkExport' in e and 'rawLoop' in e:
    n = int(e['sdkExport']['params'].get('products', 0))
    claims.append((f'export {n:,} products in -Xmx32m, throughput', e['sdkExport'], e['rawLoop'], 0.85, False, True))
pf = R['prefetch']
if 'withPrefetch' in pf and 'withoutPrefetch' in pf:
    claims.append(('auto-pagination speed-up with prefetch (2 ms/page server, 2 ms/page caller)',
                   pf['withPrefetch'], pf['withoutPrefetch'], 1.5, False, True))

any_row = next((r for rows in R.values() for r in rows.values()), None)
cpu_model = subprocess.run(['sh', '-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                           capture_output=True, text=True).stdout.strip()
setup = open(os.path.join(out, 'setup.txt')).read().strip() if os.path.exists(os.path.join(out, 'setup.txt')) else ''
load_avg = os.getloadavg()[0] if hasattr(os, 'getloadavg') else float('nan')
w('# Benchmark results')
w()
w(f'Produced by `benchmarks/run.sh` on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC. Do not edit by hand '
  '(except the last section, which the script keeps).')
w()
w(f'- Machine: {os.cpu_count()} cores, {cpu_model or platform.processor()}, {platform.system()} {platform.release()}; '
  f'load average {load_avg:.1f} when the report was written')
if any_row:
    w(f"- JDK: {any_row['vm']} {any_row['jdk']}")
if setup:
    w(f'- Processes: {setup}. The server is `ServerMain`, a process of its own.')
dur = os.path.join(out, 'duration-seconds.txt')
if os.path.exists(dur):
    w(f'- The whole run took {int(open(dur).read()) / 60:.1f} minutes.')
w('- Every ratio compares the SDK with a baseline measured in the same run against the same server.')
w('  Wall-time errors are JMH 99.9 % intervals; a ratio\'s error combines both sides\'. **CPU** is the')
w('  benchmark JVM\'s CPU time per operation (all its threads; `CpuTimeProfiler`), steady where wall')
w('  time is not; **forks** is the ratio in each of the two forked JVMs (two runs), min–max.')
w('- A target is judged on wall time when the ratio\'s whole error interval is on one side of it; when')
w('  the interval straddles it ("on the line"), on the CPU-time ratio.')
w()
w('| claim | SDK | baseline | wall ratio | forks | CPU/op SDK vs baseline | CPU ratio | forks (CPU) | target | verdict | decided by |')
w('|---|---|---|---|---|---|---|---|---|---|---|')
for name, a, b, target, at_most, hib in claims:
    r, err, fork, cpu, cpu_fork = cost_ratio(a, b, hib)
    if hib and a['unit'] != 'ops/s':  # a time per operation where less time is more throughput
        r, fork = 1 / r, [1 / f for f in fork]
        err = r * math.sqrt((a['err'] / a['score']) ** 2 + (b['err'] / b['score']) ** 2)
    verdict, by = judge(r, err, cpu, target, at_most)
    sign = '≤' if at_most else '≥'
    cpu_text = '-' if cpu is None else f'{cpu:.2f}×'
    w(f"| {name} | {fmt(a)} | {fmt(b)} | {r:.2f} ± {err:.2f}× | {spread(fork)} | {cpu_us(a)} vs {cpu_us(b)} | "
      f"{cpu_text} | {spread(cpu_fork)} | {sign} {target}× | {verdict} | {by} |")
p = R['pipeline']
if 'sdkResilient' in p and 'sdkBare' in p:
    a, b = p['sdkResilient'], p['sdkBare']
    dlt = a['score'] - b['score']
    de = math.sqrt(a['err'] ** 2 + b['err'] ** 2)
    dcpu = (a['cpu'] - b['cpu']) / 1000 if a.get('cpu') and b.get('cpu') else None
    ok = dlt + de < 2.0 or (dlt - de < 2.0 and dcpu is not None and dcpu < 2.0)
    w(f"| resilience decorators on a first-time success (in-memory transport), added time | {fmt(a)} | {fmt(b)} | "
      f"{dlt:+.2f} ± {de:.2f} µs | - | {cpu_us(a)} vs {cpu_us(b)} | "
      f"{'-' if dcpu is None else f'{dcpu:+.2f} µs'} | - | < 2 µs | {'met' if ok else '**missed**'} | "
      f"{'wall' if dlt + de < 2.0 or dlt - de >= 2.0 else 'CPU (wall on the line)'} |")
if 'sdkResilient' in p and 'raw' in p:
    a, b = p['sdkResilient'], p['raw']
    r, err, fork, cpu, cpu_fork = cost_ratio(a, b, False)
    w(f"| whole SDK pipeline vs OkHttp + Moshi map (in-memory transport, reported) | {fmt(a)} | {fmt(b)} | "
      f"{r:.2f} ± {err:.2f}× ({a['score'] - b['score']:+.1f} µs) | {spread(fork)} | {cpu_us(a)} vs {cpu_us(b)} | "
      f"{'-' if cpu is None else f'{cpu:.2f}×'} | {spread(cpu_fork)} | | | |")
if 'sdk' in d and 'moshiMap' in d:
    r, err, fork, cpu, cpu_fork = cost_ratio(d['sdk'], d['moshiMap'], False)
    w(f"| decode a 100-product page vs Moshi's generic maps (reported) | {fmt(d['sdk'])} | {fmt(d['moshiMap'])} | "
      f"{r:.2f} ± {err:.2f}× | {spread(fork)} | {cpu_us(d['sdk'])} vs {cpu_us(d['moshiMap'])} | "
      f"{'-' if cpu is None else f'{cpu:.2f}×'} | {spread(cpu_fork)} | | | |")

# The peers.
w()
w('## Against the generated clients (the peers)')
w()
w('What a partner would use instead of the SDK: the Java clients openapi-generator 7.25.0 generates')
w('from `docs/openapi/*.yaml` (libraries `okhttp-gson` and `native`), built by the benchmarks module,')
w('against the same server. "SDK ahead" compares CPU time per operation where wall time is within')
w('its error of the peer\'s.')
w()
w('| measure | SDK | okhttp-gson | native | SDK ahead? |')
w('|---|---|---|---|---|')


def peer_row(name, rows, sdk, gson, nat, better_high=False, what='wall'):
    if sdk not in rows or gson not in rows or nat not in rows:
        return
    s, g, n = rows[sdk], rows[gson], rows[nat]
    verdicts = []
    for peer in (g, n):
        if better_high:
            wall_ahead = s['score'] - s['err'] > peer['score'] + peer['err']
            wall_behind = s['score'] + s['err'] < peer['score'] - peer['err']
        else:
            wall_ahead = s['score'] + s['err'] < peer['score'] - peer['err']
            wall_behind = s['score'] - s['err'] > peer['score'] + peer['err']
        if wall_ahead:
            verdicts.append('yes')
        elif wall_behind:
            verdicts.append('**no**')
        elif s.get('cpu') and peer.get('cpu'):
            verdicts.append('yes (CPU)' if s['cpu'] < peer['cpu'] else '**no** (CPU)')
        else:
            verdicts.append('within error')
    cell = lambda x: f"{fmt(x)}; CPU {cpu_us(x)}; {alloc(x)}/op"
    w(f"| {name} | {cell(s)} | {cell(g)} | {cell(n)} | {verdicts[0]} / {verdicts[1]} |")


peer_row('GET one payment, sequential (latency)', c, 'sdkGet', 'gsonGet', 'nativeGet')
peer_row('GET one payment, 8 threads (throughput)', c, 'sdkGetThroughput8', 'gsonGetThroughput8',
         'nativeGetThroughput8', better_high=True)
peer_row('decode a 100-product page (104 KB)', d, 'sdk', 'gson', 'nativeJackson')
peer_row('export 1,000,000 products, -Xmx32m (peers streamed by hand: their generated method cannot)',
         e, 'sdkExport', 'gsonByHand', 'nativeByHand')
mem = os.path.join(out, 'export-memory.txt')
if os.path.exists(mem):
    res = {}
    for line in open(mem):
        f = line.split()
        if f and f[0] == 'export_memory':
            res[f[1]] = f
    def mem_cell(side):
        f = res.get(side)
        if not f:
            return 'not run'
        if f[3] == 'ok':
            return f'{int(f[4]):,} products streamed in {int(f[5]):,} ms'
        if f[3] == 'oom':
            return f'`OutOfMemoryError` after {int(f[4]):,} ms'
        if f[3] == 'failed':
            return f'failed ({" ".join(f[4:])})'
        return f'returned {" ".join(f[4:-1])} instead of the products'
    ahead = res.get('sdk', ['', '', '', ''])[3] == 'ok' and all(res.get(s, ['', '', '', 'oom'])[3] != 'ok' for s in ('gson', 'native'))
    w(f"| export 100,000 products with the generated `exportProducts()` itself, `-Xmx64m` child JVM "
      f"(`ExportMemory`) | {mem_cell('sdk')} | {mem_cell('gson')} | {mem_cell('native')} | "
      f"{'yes: the generated method reads the whole NDJSON body into one string' if ahead else '**no**'} |")
cold_path = os.path.join(out, 'coldstart.json')
cold = json.load(open(cold_path)) if os.path.exists(cold_path) else None
if cold:
    cs = cold['sides']
    cell = lambda s: f"{cs[s]['median_wall_ms']:,.0f} ms wall, {cs[s]['median_cpu_ms']:,.0f} ms CPU, {cs[s]['classes']['total']:,} classes"
    if all(s in cs for s in ('sdk', 'gson', 'native')):
        v = ['yes' if cs['sdk']['median_cpu_ms'] < cs[s]['median_cpu_ms'] else '**no**' for s in ('gson', 'native')]
        w(f"| cold start to the first payment get (medians of {cold['repetitions']}; judged on CPU) | {cell('sdk')} | "
          f"{cell('gson')} | {cell('native')} | {v[0]} / {v[1]} |")

# Cold start.
if cold:
    cs = cold['sides']
    w()
    w('## Cold start')
    w()
    w(f"A fresh JVM to the first completed payment get against the server process, as whole processes")
    w(f"(fork to exit), the sides alternated in a rotating order, {cold['repetitions']} repetitions each, medians.")
    w('Each side has only its own libraries on the class path (`coldstart.py`). CPU is the process\'s user')
    w('+ system time (all threads: the JIT and GC included); classes are counted with `-Xlog:class+load`')
    w('in one run of each (deterministic for a given JDK and class path). Target: the SDK within 1.2× of')
    w('raw OkHttp + Moshi.')
    w()
    w('| side | wall (median) | CPU (median) | main → first call (median) | classes loaded | of which from the CDS archive | wall / raw | CPU / raw |')
    w('|---|---|---|---|---|---|---|---|')
    raw = cs.get('raw')
    names = {'sdk': 'SDK', 'raw': 'raw OkHttp + Moshi', 'gson': 'okhttp-gson (generated)',
             'native': 'native (generated)', 'sdk+appcds': 'SDK with an AppCDS archive'}
    for s, r in cs.items():
        rw = f"{r['median_wall_ms'] / raw['median_wall_ms']:.2f}×" if raw else '-'
        rc = f"{r['median_cpu_ms'] / raw['median_cpu_ms']:.2f}×" if raw else '-'
        w(f"| {names.get(s, s)} | {r['median_wall_ms']:,.0f} ms | {r['median_cpu_ms']:,.0f} ms | "
          f"{r['median_first_call_ms']:,.0f} ms | {r['classes']['total']:,} | {r['classes']['from_cds']:,} | {rw} | {rc} |")
    if raw and 'sdk' in cs:
        wr = cs['sdk']['median_wall_ms'] / raw['median_wall_ms']
        cr = cs['sdk']['median_cpu_ms'] / raw['median_cpu_ms']
        w()
        w(f"SDK against raw: {wr:.2f}× wall, {cr:.2f}× CPU: target ≤ 1.2×, "
          f"{'met' if wr <= 1.2 else '**missed**'} on wall time, {'met' if cr <= 1.2 else '**missed**'} on CPU time.")
        top = sorted(cs['sdk']['classes']['by_origin'].items(), key=lambda x: -x[1])
        w()
        w('Classes the SDK\'s first call loads, by origin: ' + ', '.join(f'{k} {v}' for k, v in top) + '.')

w()
w('## Allocation per operation (`-prof gc`)')
w()
for name in ['webhooks', 'calls', 'pipeline', 'decode', 'export']:
    items = [f"`{k}` {v['alloc']:,.0f} B" for k, v in sorted(R[name].items()) if v['alloc'] is not None]
    if items:
        w(f"- {name}: " + '; '.join(items))

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
    own = [j for j in glob.glob(f'{m}/target/hirfa-{m}-*.jar') if not j.endswith(('-sources.jar', '-javadoc.jar'))]
    w(f"| hirfa-{m} | {len(jars)} | {size / 1e6:.1f} MB | {os.path.getsize(own[0]) / 1e3:.0f} KB |" if own
      else f"| hirfa-{m} | {len(jars)} | {size / 1e6:.1f} MB | - |")

# The hand-written section, kept as it was.
if previous and os.path.exists(previous):
    text = open(previous).read()
    i = text.find(KEPT)
    if i >= 0:
        w()
        lines.append(text[i:].rstrip('\n'))
print('\n'.join(lines))

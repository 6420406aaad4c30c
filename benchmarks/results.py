#!/usr/bin/env python3
"""Renders benchmarks/RESULTS.md from the files run.sh writes into its results folder.

Usage: results.py <results-dir> [previous RESULTS.md] [--quick]

Every figure has its wall time, CPU time per operation (CpuTimeProfiler) and allocation per
operation (-prof gc), and the spread between the benchmark's two forks (two separate JVMs: two
runs). A target is judged on wall time when its whole error interval lies on one side of it; when
the interval straddles the target ("on the line"), on CPU time per operation, which waiting for a
busy core does not inflate. The hand-written section "Footprint of each artifact choice" of the
previous RESULTS.md is kept as it was. With --quick (run.sh --quick) the report says at its top
that its figures come from one short iteration each and are not measurements.
"""
import datetime, glob, json, math, os, platform, re, statistics, subprocess, sys

args = [a for a in sys.argv[1:] if a != '--quick']
quick = '--quick' in sys.argv[1:]
out = args[0]
previous = args[1] if len(args) > 1 else None
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
        if r['mode'] == 'ss' and len(forks) == 1:
            # One fork of single shots (the export): each measured shot is a whole run.
            forks = list(m['rawData'][0])
            cpu_forks = list((cpu or {}).get('rawData', [[]])[0])
        err = float(m['scoreError'])  # "NaN" (a string) for a single iteration
        err = 0.0 if math.isnan(err) else err
        rows[key] = dict(score=m['score'], err=err, unit=m['scoreUnit'], mode=r['mode'],
                         threads=r.get('threads', 1), forks=forks, cpu=cpu['score'] if cpu else None,
                         cpu_forks=cpu_forks, alloc=alloc['score'] if alloc else None,
                         params=r.get('params') or {}, jdk=r.get('jdkVersion'), vm=r.get('vmName'))
    return rows


R = {n: load(n) for n in ['webhooks', 'calls', 'pipeline', 'decode', 'export', 'prefetch', 'instrumentation']}
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
    if x.get('cpu') is None:
        return '-'
    ns = x['cpu']
    return f"{ns / 1e9:,.2f} s" if ns >= 1e9 else f"{ns / 1e6:,.1f} ms" if ns >= 1e7 else f"{ns / 1000:,.1f} µs"


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
if quick:
    w('> **QUICK RUN** (`run.sh --quick`): one short iteration of each benchmark, a 20,000-product')
    w('> export and two cold-start rounds, on whatever else the machine was doing. It shows that the')
    w('> suite runs and what the report looks like; **none of its figures is a measurement**.')
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
w('  time is not; **forks** is the ratio in each of the two forked JVMs (two runs), min–max (for the')
w('  export, single shots in one JVM: the two measured exports).')
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
exported = int(e.get('sdkExport', {}).get('params', {}).get('products', 0))
peer_row(f'export {exported:,} products, -Xmx32m (peers streamed by hand: their generated method cannot)',
         e, 'sdkExport', 'gsonByHand', 'nativeByHand')
mem = os.path.join(out, 'export-memory.txt')
memory = {}  # side -> (heap MB, outcome, ms, products read, detail)
if os.path.exists(mem):
    for line in open(mem):
        f = line.split(maxsplit=6)
        if len(f) >= 6 and f[0] == 'export_memory':
            memory[f[1]] = (int(f[2]), f[3], int(f[4]), int(f[5]), f[6].strip() if len(f) > 6 else '')


def mem_cell(side):
    if side not in memory:
        return 'not run'
    heap, outcome, ms, n, detail = memory[side]
    if outcome == 'ok':
        return f'all {n:,} products streamed in {ms / 1000:,.1f} s'
    what = {'oom': '`OutOfMemoryError`', 'failed': 'failed', 'timeout': 'no outcome (halted)',
            'wrong': 'returned without the products'}.get(outcome, outcome)
    return f"{what} after {ms / 1000:,.1f} s{f' ({n:,} products read)' if n else ''}{f': {detail}' if detail else ''}"


if memory:
    expected = int(R['export'].get('sdkExport', {}).get('params', {}).get('products', 0)) or None
    sdk_ok = memory.get('sdk', (0, ''))[1] == 'ok'
    peers_ok = [memory.get(s, (0, 'not run'))[1] == 'ok' for s in ('gson', 'native')]
    heap = memory.get('sdk', (32,))[0]
    verdict = ('yes: the generated method reads the whole NDJSON body into memory before decoding it'
               if sdk_ok and not any(peers_ok) else
               '**no**: ' + ('the SDK did not finish' if not sdk_ok else 'a generated method exported as well'))
    w(f"| export{f' {expected:,}' if expected else ''} products with the generated `exportProducts()` itself, "
      f"one child JVM each at `-Xmx32m` (`ExportMemory`; {heap} MB usable) | {mem_cell('sdk')} | "
      f"{mem_cell('gson')} | {mem_cell('native')} | {verdict} |")
cold_path = os.path.join(out, 'coldstart.json')
cold = json.load(open(cold_path)) if os.path.exists(cold_path) else None
if cold:
    cs = cold['sides']
    cell = lambda s: f"{cs[s]['median_wall_ms']:,.0f} ms wall, {cs[s]['median_cpu_ms']:,.0f} ms CPU, {cs[s]['classes']['total']:,} classes"
    if all(s in cs for s in ('sdk', 'gson', 'native')):
        v = []
        for p in ('gson', 'native'):
            wall_ahead = cs['sdk']['median_wall_ms'] < cs[p]['median_wall_ms']
            cpu_ahead = cs['sdk']['median_cpu_ms'] < cs[p]['median_cpu_ms']
            v.append('yes' if wall_ahead and cpu_ahead else
                     '**no**' if not wall_ahead and not cpu_ahead else
                     f"{'yes' if cpu_ahead else '**no**'} (CPU; wall {'ahead' if wall_ahead else 'behind'})")
        w(f"| cold start to the first payment get (medians of {cold['repetitions']} rounds) | {cell('sdk')} | "
          f"{cell('gson')} | {cell('native')} | {v[0]} / {v[1]} |")

# Cold start.
if cold:
    cs = cold['sides']
    raw = cs.get('raw')
    w()
    w('## Cold start')
    w()
    w('A fresh JVM to the first completed payment get against the server process, as whole processes')
    w(f"(fork to exit), every side once per round in a rotating order, {cold['repetitions']} rounds (`coldstart.py`).")
    w('Each side has only its own libraries on the class path. CPU is the process\'s user + system time')
    w('(all threads: the JIT and GC included); classes are counted with `-Xlog:class+load` in one run of')
    w('each (deterministic for a given JDK and class path). Spreads are quartiles (min–max below four')
    w('rounds); a ratio\'s spread is that of the ratios within each round, which a burst of load on the')
    w('machine hits on both sides alike. Target: the SDK within 1.2× of raw OkHttp + Moshi, judged on')
    w('wall time when the round ratios\' quartiles are both on one side of 1.2, else on CPU time.')
    w()
    w('| side | wall (median) | wall (quartiles) | CPU (median) | CPU (quartiles) | main → first call (median) | classes loaded | of which from the CDS archive | wall / raw (round quartiles) | CPU / raw (round quartiles) |')
    w('|---|---|---|---|---|---|---|---|---|---|')
    names = {'sdk': 'SDK', 'raw': 'raw OkHttp + Moshi', 'gson': 'okhttp-gson (generated)',
             'native': 'native (generated)', 'sdk+appcds': 'SDK with an AppCDS archive'}
    q = lambda v, unit='': f"{v[0]:,.0f}–{v[1]:,.0f}{unit}"
    for s, r in cs.items():
        if raw and s != 'raw':
            rw = f"{r['median_wall_ms'] / raw['median_wall_ms']:.2f}× ({r['iqr_round_wall_ratio'][0]:.2f}–{r['iqr_round_wall_ratio'][1]:.2f})"
            rc = f"{r['median_cpu_ms'] / raw['median_cpu_ms']:.2f}× ({r['iqr_round_cpu_ratio'][0]:.2f}–{r['iqr_round_cpu_ratio'][1]:.2f})"
        else:
            rw = rc = '1' if raw else '-'
        w(f"| {names.get(s, s)} | {r['median_wall_ms']:,.0f} ms | {q(r['iqr_wall_ms'], ' ms')} | "
          f"{r['median_cpu_ms']:,.0f} ms | {q(r['iqr_cpu_ms'], ' ms')} | {r['median_first_call_ms']:,.0f} ms | "
          f"{r['classes']['total']:,} | {r['classes']['from_cds']:,} | {rw} | {rc} |")
    if raw and 'sdk' in cs:
        sdk = cs['sdk']
        wr = sdk['median_wall_ms'] / raw['median_wall_ms']
        cr = sdk['median_cpu_ms'] / raw['median_cpu_ms']
        lo, hi = sdk['iqr_round_wall_ratio']
        if hi <= 1.2 or lo > 1.2:
            verdict, by = ('met' if wr <= 1.2 else 'missed'), 'wall time'
        else:
            verdict, by = ('met' if cr <= 1.2 else 'missed'), 'CPU time (wall on the line)'
        w()
        w(f"**SDK against raw: {wr:.2f}× wall (rounds {lo:.2f}–{hi:.2f}), {cr:.2f}× CPU: target ≤ 1.2×, "
          f"{verdict}**, decided by {by}.")
        extra = {}
        for k in set(sdk['classes']['by_origin']) | set(raw['classes']['by_origin']):
            d = sdk['classes']['by_origin'].get(k, 0) - raw['classes']['by_origin'].get(k, 0)
            if d:
                extra[k] = d
        w()
        w(f"Classes the SDK's first call loads beyond raw's ({sdk['classes']['total'] - raw['classes']['total']:+,}), "
          'by origin: ' + ', '.join(f'{k} {v:+,}' for k, v in sorted(extra.items(), key=lambda x: -abs(x[1]))) + '.')

# The cost of instrumentation (issue 19): every listener configuration against none, same run.
ins = {re.search(r'listeners=(\w+)', k).group(1): v for k, v in R['instrumentation'].items()
       if 'transport=memory' in k}
if 'none' in ins:
    w()
    w('## Cost of instrumentation')
    w()
    w('`InstrumentationBenchmark`: `getPayment` through one client per listener configuration, on the')
    w('in-memory transport (so that a round trip\'s noise does not hide a few microseconds), all in this')
    w('run. `none` is a client without listeners, as built by default and by the Spring Boot starter')
    w('without Micrometer or OpenTelemetry on the class path; `noop` one listener that does nothing (the')
    w('events built and dispatched); `micrometer` `HirfaMetrics` on a `SimpleMeterRegistry`; `otel`')
    w('`HirfaTracing` on the OpenTelemetry SDK (W3C propagation, every span sampled, a batch processor')
    w('whose exporter drops them); `both` the two, as the starter wires them.')
    w()
    w('| listeners | wall | added per call | forks | CPU per call | CPU added | allocation | allocation added |')
    w('|---|---|---|---|---|---|---|---|')
    base = ins['none']
    for name in ['none', 'noop', 'micrometer', 'otel', 'both']:
        x = ins.get(name)
        if x is None:
            continue
        dlt = x['score'] - base['score']
        de = math.sqrt(x['err'] ** 2 + base['err'] ** 2)
        dcpu = '-' if not (x.get('cpu') and base.get('cpu')) else f"{(x['cpu'] - base['cpu']) / 1000:+.2f} µs"
        dal = '-' if x.get('alloc') is None or base.get('alloc') is None else f"{x['alloc'] - base['alloc']:+,.0f} B"
        fk = ', '.join(f'{f:.1f}' for f in x['forks'])
        added = '-' if name == 'none' else f'{dlt:+.2f} ± {de:.2f} µs'
        w(f"| `{name}` | {fmt(x)} | {added} | {fk} | {cpu_us(x)} | {'-' if name == 'none' else dcpu} | "
          f"{alloc(x)} | {'-' if name == 'none' else dal} |")
    sr = R['pipeline'].get('sdkResilient')
    if sr:
        dlt = base['score'] - sr['score']
        de = math.sqrt(base['err'] ** 2 + sr['err'] ** 2)
        da = None if base.get('alloc') is None or sr.get('alloc') is None else base['alloc'] - sr['alloc']
        w()
        w(f"With no listener, a call costs what it costs without any instrumentation code: `none` against")
        w(f"`PipelineBenchmark.sdkResilient` (the same call, built the same way, on the same transport,")
        w(f"in another fork): {dlt:+.2f} ± {de:.2f} µs wall"
          + ('' if da is None else f", {da:+,.0f} B allocated") + ' per call. '
          + ('Within the error: nothing measurable.' if abs(dlt) <= de else
             'Outside the error: read the CPU and allocation columns before concluding.'))

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
    own = [j for j in glob.glob(f'{m}/target/hirfa-{m}-*.jar') if not j.endswith(('-sources.jar', '-javadoc.jar', '-tests.jar'))]
    w(f"| hirfa-{m} | {len(jars)} | {size / 1e6:.1f} MB | {os.path.getsize(own[0]) / 1e3:.0f} KB |" if own
      else f"| hirfa-{m} | {len(jars)} | {size / 1e6:.1f} MB | - |")

steps_path = os.path.join(out, 'steps.txt')
if os.path.exists(steps_path):
    w()
    w('## Where the run\'s time went')
    w()
    w('| step | time |')
    w('|---|---|')
    for line in open(steps_path):
        sec, name = line.strip().split(' ', 1)
        w(f'| {name} | {int(sec) // 60} min {int(sec) % 60:02d} s |')
    if os.path.exists(dur):
        total = int(open(dur).read())
        w(f"| **whole run** (budget 15 min) | **{total // 60} min {total % 60:02d} s** |")

# The hand-written section, kept as it was.
if previous and os.path.exists(previous):
    text = open(previous).read()
    i = text.find(KEPT)
    if i >= 0:
        w()
        lines.append(text[i:].rstrip('\n'))
print('\n'.join(lines))

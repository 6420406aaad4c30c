package ma.hirfa.sdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation: the benchmark JVM's CPU time (every thread: the benchmark's, the JIT's,
 * the GC's, OkHttp's) over each iteration, divided by the operations it completed. On a machine
 * whose cores are shared with other work this is far steadier than wall time: waiting for a core
 * costs wall time but no CPU time. The server runs in another process ({@link ServerMain}), so its
 * CPU is not counted.
 *
 * <p>Use: {@code -prof ma.hirfa.sdk.benchmarks.CpuTimeProfiler}; reported as {@code
 * cpu.time.per.op} in ns/op.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private long startCpu;

  @Override
  public String getDescription() {
    return "CPU time of the benchmark JVM per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    startCpu = OS.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long cpu = OS.getProcessCpuTime() - startCpu;
    long ops = result.getMetadata().getMeasuredOps();
    if (ops <= 0) {
      return List.of();
    }
    return List.of(
        new ScalarResult("cpu.time.per.op", (double) cpu / ops, "ns/op", AggregationPolicy.AVG));
  }
}

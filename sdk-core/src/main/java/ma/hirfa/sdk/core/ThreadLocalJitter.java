package ma.hirfa.sdk.core;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/** Jitter from the calling thread's {@link ThreadLocalRandom}; safe from every thread. */
enum ThreadLocalJitter implements RandomGenerator {
  INSTANCE;

  @Override
  public long nextLong() {
    return ThreadLocalRandom.current().nextLong();
  }

  @Override
  public double nextDouble() {
    return ThreadLocalRandom.current().nextDouble();
  }
}

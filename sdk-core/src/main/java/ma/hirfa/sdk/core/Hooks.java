package ma.hirfa.sdk.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a client of {@link ClientOptions} calls out to rather than owning: the clock, the sleeper,
 * the id generator, the source of jitter and the listeners. Tests replace them to run without
 * waiting and without chance. One immutable value, held by the options and by their builder.
 */
record Hooks(
    Clock clock,
    Sleeper sleeper,
    IdGenerator idGenerator,
    RandomGenerator random,
    List<CallListener> listeners) {
  /** The system clock in UTC, real sleeping, random UUIDs, thread-local jitter, no listeners. */
  static final Hooks DEFAULTS =
      new Hooks(
          Clock.systemUTC(),
          Sleeper.SYSTEM,
          IdGenerator.RANDOM_UUID,
          ThreadLocalJitter.INSTANCE,
          List.of());

  Hooks {
    listeners = List.copyOf(listeners);
  }

  Hooks withClock(Clock clock) {
    Objects.requireNonNull(clock, "clock == null");
    return new Hooks(clock, sleeper, idGenerator, random, listeners);
  }

  Hooks withSleeper(Sleeper sleeper) {
    Objects.requireNonNull(sleeper, "sleeper == null");
    return new Hooks(clock, sleeper, idGenerator, random, listeners);
  }

  Hooks withIdGenerator(IdGenerator idGenerator) {
    Objects.requireNonNull(idGenerator, "idGenerator == null");
    return new Hooks(clock, sleeper, idGenerator, random, listeners);
  }

  Hooks withRandom(RandomGenerator random) {
    Objects.requireNonNull(random, "random == null");
    return new Hooks(clock, sleeper, idGenerator, random, listeners);
  }

  /** The listeners so far, then this one: they are called in the order added. */
  Hooks withListener(CallListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    List<CallListener> more = new ArrayList<>(listeners);
    more.add(listener);
    return new Hooks(clock, sleeper, idGenerator, random, more);
  }
}

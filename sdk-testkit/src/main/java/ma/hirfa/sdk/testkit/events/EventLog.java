package ma.hirfa.sdk.testkit.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Ids;

/**
 * Every event the sandbox's resources emit, in order: {@code {"id":"evt_...","type":...,
 * "created_at":...,"data":{"object":{...}}}}. Webhook delivery reads from here.
 */
public final class EventLog {
  private final Ids ids;
  private final Clock clock;

  @GuardedBy("this")
  private final List<ObjectNode> events = new ArrayList<>();

  private final List<Consumer<ObjectNode>> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  public EventLog(Ids ids, Clock clock) {
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Adds a listener called with each event after it is logged (the webhook dispatcher, the
   * marketplace following payments). Listeners run outside this log's lock, on the emitting thread.
   */
  public void listener(Consumer<ObjectNode> listener) {
    listeners.add(listener);
  }

  /** Logs an event that happens now. */
  public void emit(String type, ObjectNode object) {
    emit(type, object, clock.instant());
  }

  /** Logs an event that happened at {@code at} (a transition that fell due then). */
  public void emit(String type, ObjectNode object, Instant at) {
    ObjectNode e = Exchange.JSON.createObjectNode();
    e.put("id", ids.next("evt"));
    e.put("type", type);
    e.put("created_at", at.toString());
    e.putObject("data").set("object", object);
    synchronized (this) {
      events.add(e);
    }
    for (Consumer<ObjectNode> l : listeners) {
      l.accept(e);
    }
  }

  public synchronized List<ObjectNode> all() {
    return List.copyOf(events);
  }
}

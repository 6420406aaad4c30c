package ma.hirfa.sdk.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every event the sandbox's resources emit, in order: {@code {"id":"evt_...","type":...,
 * "created_at":...,"data":{"object":{...}}}}. Webhook delivery reads from here.
 */
final class EventLog {
  private final Ids ids;
  private final SandboxClock clock;
  private final List<ObjectNode> events = new ArrayList<>();
  private final List<Consumer<ObjectNode>> listeners = new CopyOnWriteArrayList<>();

  EventLog(Ids ids, SandboxClock clock) {
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Adds a listener called with each event after it is logged (the webhook dispatcher, the
   * marketplace following payments). Listeners run outside this log's lock, on the emitting thread.
   */
  void listener(Consumer<ObjectNode> listener) {
    listeners.add(listener);
  }

  void emit(String type, ObjectNode object) {
    ObjectNode e = Exchange.JSON.createObjectNode();
    e.put("id", ids.next("evt"));
    e.put("type", type);
    e.put("created_at", clock.instant().toString());
    e.putObject("data").set("object", object);
    synchronized (this) {
      events.add(e);
    }
    for (Consumer<ObjectNode> l : listeners) {
      l.accept(e);
    }
  }

  synchronized List<ObjectNode> all() {
    return List.copyOf(events);
  }
}

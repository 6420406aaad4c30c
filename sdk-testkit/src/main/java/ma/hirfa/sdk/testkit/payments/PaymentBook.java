package ma.hirfa.sdk.testkit.payments;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import ma.hirfa.sdk.testkit.events.EventLog;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Ids;
import ma.hirfa.sdk.testkit.server.Problems;
import ma.hirfa.sdk.testkit.server.Timeline;
import org.jspecify.annotations.Nullable;

/**
 * The payments, refunds and payouts a sandbox holds, and the one lock that guards them (and every
 * {@code Payment}, {@code Refund} and {@code Payout} in them): the handlers take {@code lock} for
 * each request, the {@link Timeline} for each due transition. What falls due (a wallet approval, a
 * voucher paid, a payout arriving) is queued by due time and applied at that time.
 */
public final class PaymentBook implements Timeline.Source {
  /** Guards everything below and every object in it. */
  final Object lock = new Object();

  private final Ids ids;
  private final EventLog events;
  private final Ledger ledger;

  @GuardedBy("lock")
  private long seq;

  @GuardedBy("lock")
  final List<Payment> payments = new ArrayList<>();

  @GuardedBy("lock")
  private final Map<String, Payment> paymentsById = new HashMap<>();

  @GuardedBy("lock")
  final List<Refund> refunds = new ArrayList<>();

  @GuardedBy("lock")
  private final Map<String, Refund> refundsById = new HashMap<>();

  @GuardedBy("lock")
  final List<Payout> payouts = new ArrayList<>();

  @GuardedBy("lock")
  private final Map<String, Payout> payoutsById = new HashMap<>();

  /** Pending steps by due time (stale entries, whose object moved on, are skipped). */
  private record Due(Instant at, long seq, Object target) {}

  @GuardedBy("lock")
  private final PriorityQueue<Due> due =
      new PriorityQueue<>(
          (a, b) ->
              a.at().equals(b.at()) ? Long.compare(a.seq(), b.seq()) : a.at().compareTo(b.at()));

  /** A book whose money movements go to {@code ledger} and whose events to {@code events}. */
  public PaymentBook(Ids ids, EventLog events, Ledger ledger) {
    this.ids = ids;
    this.events = events;
    this.ledger = ledger;
  }

  String newId(String prefix) {
    return ids.next(prefix);
  }

  @GuardedBy("lock")
  long nextSeq() {
    return ++seq;
  }

  @GuardedBy("lock")
  void add(Payment p) {
    p.stored = true;
    payments.add(p);
    paymentsById.put(p.id, p);
    schedule(p);
  }

  @GuardedBy("lock")
  void add(Refund r) {
    refunds.add(r);
    refundsById.put(r.id, r);
  }

  @GuardedBy("lock")
  void add(Payout po) {
    payouts.add(po);
    payoutsById.put(po.id, po);
    due.add(new Due(po.createdAt.plus(MagicInputs.PAYOUT_IN_TRANSIT), po.seq, po));
  }

  /** Queues a payment's pending step, if it has one. */
  @GuardedBy("lock")
  void schedule(Payment p) {
    if (p.dueAt != null && p.status.equals("requires_action")) {
      due.add(new Due(p.dueAt, p.seq, p));
    }
  }

  /** The payment with this id, or null. */
  @GuardedBy("lock")
  @Nullable Payment find(String id) {
    return paymentsById.get(id);
  }

  @GuardedBy("lock")
  Payment payment(String id) {
    Payment p = paymentsById.get(id);
    if (p == null) {
      throw new Exchange.ApiError(Problems.notFound("payment", id));
    }
    return p;
  }

  @GuardedBy("lock")
  Refund refund(String id) {
    Refund r = refundsById.get(id);
    if (r == null) {
      throw new Exchange.ApiError(Problems.notFound("refund", id));
    }
    return r;
  }

  @GuardedBy("lock")
  Payout payout(String id) {
    Payout po = payoutsById.get(id);
    if (po == null) {
      throw new Exchange.ApiError(Problems.notFound("payout", id));
    }
    return po;
  }

  /** A payment approved at {@code at}: captured at once, or authorized for a manual capture. */
  @GuardedBy("lock")
  void approve(Payment p, Instant at) {
    if (p.captureMethod.equals("manual")) {
      p.move("authorized", at);
    } else {
      p.move("succeeded", at);
      p.captured = p.amount;
      ledger.payment(p.id, p.captured, p.fee(), p.currency, at);
    }
  }

  /** A payment failed at {@code at}, with the failure's code and message. */
  @GuardedBy("lock")
  void fail(Payment p, String code, String message, Instant at) {
    p.move("failed", at);
    p.failureCode = code;
    p.failureMessage = message;
  }

  /** A capture of {@code amount} at {@code at}. */
  @GuardedBy("lock")
  void capture(Payment p, long amount, Instant at) {
    p.move("succeeded", at);
    p.captured = amount;
    ledger.payment(p.id, p.captured, p.fee(), p.currency, at);
  }

  /** A refund that succeeded at {@code at}. */
  @GuardedBy("lock")
  void refunded(Payment p, Refund r, Instant at) {
    p.refunded += r.amount;
    p.touch(at);
    ledger.refund(r.id, r.amount, r.currency, at);
  }

  /** Emits a payment's event, dated {@code at}. */
  @GuardedBy("lock")
  void emit(String type, Payment p, Instant at) {
    events.emit(type, PaymentJson.render(p), at);
  }

  /** Emits a refund's event, dated {@code at}. */
  void emitRefund(String type, com.fasterxml.jackson.databind.node.ObjectNode refund, Instant at) {
    events.emit(type, refund, at);
  }

  @Override
  public @Nullable Instant nextDue() {
    synchronized (lock) {
      Due d = due.peek();
      return d == null ? null : d.at();
    }
  }

  @Override
  public void applyDue(Instant at) {
    synchronized (lock) {
      while (!due.isEmpty() && due.peek().at().equals(at)) {
        Object target = Objects.requireNonNull(due.poll()).target();
        if (target instanceof Payment p) {
          paymentDue(p, at);
        } else if (target instanceof Payout po) {
          payoutDue(po, at);
        }
      }
    }
  }

  @GuardedBy("lock")
  private void paymentDue(Payment p, Instant at) {
    if (!at.equals(p.dueAt) || !p.status.equals("requires_action")) {
      return; // it moved on (canceled, or completed) before this fell due
    }
    if (p.dueFailure != null) {
      String what = p.methodType.replace('_', ' ');
      fail(p, p.dueFailure, "the " + what + " payment did not complete", at);
    } else {
      approve(p, at);
    }
    emit(p.eventType(), p, at);
  }

  @GuardedBy("lock")
  private void payoutDue(Payout po, Instant at) {
    if (po.status.equals("pending")) {
      po.status = "in_transit";
      due.add(new Due(po.createdAt.plus(MagicInputs.PAYOUT_ARRIVAL), po.seq, po));
    } else if (po.status.equals("in_transit")) {
      if (po.returned) {
        po.status = "returned";
        po.failureCode = "account_closed";
        events.emit("payout.failed", PaymentJson.render(po), at);
      } else {
        po.status = "paid";
        ledger.payout(po.id, po.amount, at);
        events.emit("payout.paid", PaymentJson.render(po), at);
      }
    }
  }

  /** How many payments the book holds. */
  public int paymentCount() {
    synchronized (lock) {
      return payments.size();
    }
  }

  /** Payments created with this order reference. */
  public int paymentsFor(String orderReference) {
    synchronized (lock) {
      return (int) payments.stream().filter(p -> p.orderReference.equals(orderReference)).count();
    }
  }

  /** Refunds created against this payment. */
  public int refundsFor(String paymentId) {
    synchronized (lock) {
      return (int) refunds.stream().filter(r -> r.paymentId.equals(paymentId)).count();
    }
  }

  /** Payouts created for this artisan. */
  public int payoutsFor(String artisanId) {
    synchronized (lock) {
      return (int) payouts.stream().filter(p -> p.artisanId.equals(artisanId)).count();
    }
  }
}

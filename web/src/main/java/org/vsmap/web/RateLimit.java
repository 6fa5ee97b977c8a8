package org.vsmap.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-client rate limiting (Bucket4j token buckets keyed by the client's IP address): each client
 * may make {@code perMinute} requests a minute, refilled continuously; beyond that it gets 429
 * with {@code Retry-After}. Static assets and /health are not counted. Buckets of clients idle
 * for ten minutes are dropped (checked once a minute), so memory stays bounded. Behind a proxy, every client shares the
 * proxy's address: set the limit there instead, or to 0 here.
 */
final class RateLimit {
  private static final long IDLE_NANOS = Duration.ofMinutes(10).toNanos();

  /** A client's bucket and when it last asked. */
  private static final class Entry {
    final Bucket bucket;
    volatile long lastUsed;

    Entry(Bucket bucket) {
      this.bucket = bucket;
    }
  }

  private final int perMinute;
  private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
  /** Idle clients are dropped at most once a minute, not on every request of a busy server. */
  private final AtomicLong nextPrune = new AtomicLong(System.nanoTime() + Duration.ofMinutes(1).toNanos());

  RateLimit(int perMinute) {
    this.perMinute = perMinute;
  }

  void before(Context ctx) {
    if (perMinute == 0) {
      return;
    }
    String path = ctx.path();
    if (path.startsWith("/static/") || path.startsWith("/webjars/") || path.equals("/health") || path.equals("/favicon.ico")) {
      return;
    }
    long now = System.nanoTime();
    long due = nextPrune.get();
    if (now - due > 0 && nextPrune.compareAndSet(due, now + Duration.ofMinutes(1).toNanos())) {
      buckets.values().removeIf(x -> now - x.lastUsed > IDLE_NANOS);
    }
    Entry e = buckets.computeIfAbsent(ctx.ip(), ip -> new Entry(Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build()));
    e.lastUsed = now;
    ConsumptionProbe probe = e.bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
      ctx.header("Retry-After", Long.toString(seconds));
      throw new WebError(429, "Too Many Requests", "more than " + perMinute + " requests a minute from " + ctx.ip()
          + ": try again in " + seconds + " s");
    }
  }
}

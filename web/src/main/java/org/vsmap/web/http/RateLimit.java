package org.vsmap.web.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * Per-client rate limiting (Bucket4j token buckets keyed by the client's IP address): each client
 * has an allowance of {@code perMinute} requests that refills continuously at {@code perMinute} a
 * minute — a burst of up to {@code perMinute} at once, and {@code perMinute / 60} a second for as
 * long as it likes; beyond that it gets 429 with {@code Retry-After}. (So a client paced at 25 a
 * second with the default 1,200 is refused only once its burst allowance is used up, after about
 * four minutes.) Static assets and /health are not counted. Buckets of clients idle for ten minutes
 * are dropped, so memory stays bounded. Behind a proxy, every client shares the proxy's address:
 * set the limit there instead, or to 0 here.
 */
public final class RateLimit {
  private final int perMinute;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();

  public RateLimit(int perMinute) {
    this.perMinute = perMinute;
  }

  public void before(Context ctx) {
    if (perMinute == 0) {
      return;
    }
    String path = ctx.path();
    if (path.startsWith("/static/")
        || path.startsWith("/webjars/")
        || path.equals("/health")
        || path.equals("/favicon.ico")) {
      return;
    }
    Bucket bucket =
        buckets.get(
            ctx.ip(),
            ip ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(perMinute)
                            .refillGreedy(perMinute, Duration.ofMinutes(1))
                            .build())
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
      ctx.header("Retry-After", Long.toString(seconds));
      throw new WebError(
          429,
          "Too Many Requests",
          "more than a burst of "
              + perMinute
              + " requests from "
              + ctx.ip()
              + " (the allowance refills at "
              + perMinute
              + " requests a minute): try again in "
              + seconds
              + " s");
    }
  }
}

package org.vsmap.web.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * What a sign-in attempt may cost: a password check (bcrypt, ~0.3 s of CPU) runs only when the
 * attempt passes three throttles, and strangers' checks run one at a time, so a storm of sign-ins
 * can never take more than one of the cores from the map and search. Attempts from an address where
 * the name signed in before have a lane of their own beside it: the office's own machine gets its
 * turn during such a storm.
 *
 * <ul>
 *   <li>an address makes at most {@value #ATTEMPTS_PER_MINUTE} attempts a minute;
 *   <li>after {@value #FREE_ADDRESS_FAILURES} wrong passwords in 15 minutes, an address waits 2, 4,
 *       8 … seconds (at most 15 minutes) after each further one;
 *   <li>after {@value #FREE_NAME_FAILURES} wrong passwords for an account name — any name, so a
 *       name that does not exist is answered exactly like one that does — attempts for it wait the
 *       same way, <em>except</em> from an address where that name has signed in before: a stranger
 *       cannot lock an office out, and the office's own machine still gets in.
 * </ul>
 *
 * Nothing is locked in the database. Administrators see the current throttles on /admin/throttles
 * and may clear them; a throttle starting and a clearing are written to the audit log.
 */
public final class SignInGuard {
  static final int ATTEMPTS_PER_MINUTE = 60;
  static final int FREE_ADDRESS_FAILURES = 20;
  static final int FREE_NAME_FAILURES = 5;

  /** Sign-ins that may wait for a lane's turn (each holds a request slot while it waits). */
  static final int MAX_WAITING = 3;

  static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
  private static final Duration FAILURE_MEMORY = Duration.ofMinutes(15);

  /** Whether an attempt may go ahead, and if not, how long to wait. */
  public sealed interface Verdict {
    record Go() implements Verdict {}

    record Wait(long seconds) implements Verdict {}
  }

  /** A throttle in force: an address or an account name, its wrong passwords, and until when. */
  public record Throttle(String kind, String key, int failures, Instant until) {
    /** Until when, as an office reads it: China time to the second. */
    public String untilChinaTime() {
      return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
          .format(until.atZone(org.vsmap.geo.time.ChinaTime.ZONE));
    }
  }

  private static final class Failures {
    int count;
    Instant last;
  }

  private final Clock clock;
  private final BiConsumer<String, String> audit;

  /** Strangers' password checks: one at a time, first come first served. */
  private final Semaphore strangers = new Semaphore(1, true);

  /**
   * Checks from an address where the name signed in before: a lane of their own, so a storm of
   * strangers' attempts (from however many addresses) never keeps an office off its own machine.
   */
  private final Semaphore usual = new Semaphore(1, true);

  /** Sign-ins waiting for their lane's turn, at most {@link #MAX_WAITING} in each. */
  private final AtomicInteger strangersWaiting = new AtomicInteger();

  private final AtomicInteger usualWaiting = new AtomicInteger();

  private final Cache<String, Deque<Instant>> attempts =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).maximumSize(200_000).build();
  private final Cache<String, Failures> byAddress =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).maximumSize(200_000).build();
  private final Cache<String, Failures> byName =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).maximumSize(200_000).build();
  private final Cache<String, Set<String>> usualAddresses =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofDays(30)).maximumSize(100_000).build();

  private final Duration turnWait;

  /** {@code audit}: records an action and its detail (THROTTLED, THROTTLE_CLEARED). */
  public SignInGuard(Clock clock, BiConsumer<String, String> audit) {
    this(clock, audit, Duration.ofSeconds(5));
  }

  SignInGuard(Clock clock, BiConsumer<String, String> audit, Duration turnWait) {
    this.clock = clock;
    this.audit = audit;
    this.turnWait = turnWait;
  }

  /** Whether an attempt from {@code address} for {@code name} may check its password now. */
  public synchronized Verdict check(String address, String name) {
    Instant now = clock.instant();
    Deque<Instant> recent = attempts.get(address, a -> new ArrayDeque<>());
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minusSeconds(60))) {
      recent.pollFirst();
    }
    if (recent.size() >= ATTEMPTS_PER_MINUTE) {
      return new Verdict.Wait(
          Math.max(1, Duration.between(now, recent.peekFirst().plusSeconds(60)).toSeconds()));
    }
    recent.addLast(now);
    long wait = waitFor(byAddress.getIfPresent(address), FREE_ADDRESS_FAILURES, now);
    String key = key(name);
    Set<String> usual = usualAddresses.getIfPresent(key);
    if (usual == null || !usual.contains(address)) {
      wait = Math.max(wait, waitFor(byName.getIfPresent(key), FREE_NAME_FAILURES, now));
    }
    return wait > 0 ? new Verdict.Wait(wait) : new Verdict.Go();
  }

  /**
   * Runs a password check when none is running in its lane, else waits (five seconds at most) its
   * turn behind at most {@value #MAX_WAITING} others; else {@link Busy} at once. Attempts from an
   * address where {@code name} signed in before have their own lane.
   */
  public <T> T checking(String address, String name, Supplier<T> check) {
    boolean own = isUsual(address, name);
    Semaphore checking = own ? usual : strangers;
    AtomicInteger waiting = own ? usualWaiting : strangersWaiting;
    // a waiting sign-in holds one of the requests the portal works on at once: only a few may
    // wait, the rest hear "busy" at once, so a storm of sign-ins never crowds out the map
    if (waiting.incrementAndGet() > MAX_WAITING) {
      waiting.decrementAndGet();
      throw new Busy();
    }
    try {
      if (!checking.tryAcquire(turnWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new Busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy();
    } finally {
      waiting.decrementAndGet();
    }
    try {
      return check.get();
    } finally {
      checking.release();
    }
  }

  /** Strangers' sign-ins waiting for their turn now (for tests). */
  int strangersWaiting() {
    return strangersWaiting.get();
  }

  /** Too many sign-ins are being checked at once: try again in a few seconds. */
  public static final class Busy extends RuntimeException {
    Busy() {
      super("too many sign-ins at once", null, false, false);
    }
  }

  private synchronized boolean isUsual(String address, String name) {
    Set<String> addresses = usualAddresses.getIfPresent(key(name));
    return addresses != null && addresses.contains(address);
  }

  /** A wrong password (or a name that does not exist) from {@code address}. */
  public synchronized void failed(String address, String name) {
    Instant now = clock.instant();
    count(
        byAddress.get(address, a -> new Failures()),
        FREE_ADDRESS_FAILURES,
        now,
        "address " + address);
    count(byName.get(key(name), n -> new Failures()), FREE_NAME_FAILURES, now, "name " + key(name));
  }

  /** A right password: the name's failures are forgotten and the address is one of its usual. */
  public synchronized void succeeded(String address, String name) {
    String key = key(name);
    byName.invalidate(key);
    Set<String> usual = usualAddresses.get(key, k -> new HashSet<>());
    if (usual.size() < 20) {
      usual.add(address);
    }
  }

  /** The throttles in force now, longest first. */
  public synchronized List<Throttle> throttles() {
    Instant now = clock.instant();
    List<Throttle> out = new ArrayList<>();
    byAddress.asMap().forEach((k, f) -> add(out, "address", k, f, FREE_ADDRESS_FAILURES, now));
    byName.asMap().forEach((k, f) -> add(out, "name", k, f, FREE_NAME_FAILURES, now));
    out.sort(Comparator.comparing(Throttle::until).reversed());
    return out;
  }

  /** Lifts the throttle of an address or a name; {@code by}: the administrator, for the audit. */
  public synchronized boolean clear(String kind, String key, String by) {
    Cache<String, Failures> c = kind.equals("address") ? byAddress : byName;
    boolean had = c.getIfPresent(key) != null;
    c.invalidate(key);
    if (had) {
      audit.accept("THROTTLE_CLEARED", kind + " " + key + " cleared by " + by);
    }
    return had;
  }

  private static void add(
      List<Throttle> out, String kind, String key, Failures f, int free, Instant now) {
    if (f.count > free) {
      Instant until = f.last.plusSeconds(delay(f.count - free));
      if (until.isAfter(now)) {
        out.add(new Throttle(kind, key, f.count, until));
      }
    }
  }

  private void count(Failures f, int free, Instant now, String what) {
    if (f.last != null && f.last.isBefore(now.minus(FAILURE_MEMORY))) {
      f.count = 0; // a quarter of an hour without a mistake starts afresh
    }
    f.count++;
    f.last = now;
    if (f.count == free + 1) {
      audit.accept("THROTTLED", what + ": " + f.count + " wrong passwords in 15 minutes");
    }
  }

  /** Seconds still to wait after {@code f}'s last failure, 0 when none. */
  private static long waitFor(Failures f, int free, Instant now) {
    if (f == null || f.count <= free) {
      return 0;
    }
    Instant until = f.last.plusSeconds(delay(f.count - free));
    return until.isAfter(now) ? Math.max(1, Duration.between(now, until).toSeconds()) : 0;
  }

  /** 2, 4, 8 … seconds for the first, second, third failure over the free ones; at most 15 min. */
  static long delay(int over) {
    return over >= 10 ? LONGEST_WAIT.toSeconds() : Math.min(LONGEST_WAIT.toSeconds(), 1L << over);
  }

  private static String key(String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }
}

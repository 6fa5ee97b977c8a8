package org.vsmap.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The sign-in throttles (issue 20, findings 1 and 2), on a clock the test moves. */
class SignInGuardTest {
  private final MovingClock clock = new MovingClock();
  private final List<String> audit = new ArrayList<>();
  private final SignInGuard guard =
      new SignInGuard(clock, (a, d) -> audit.add(a + " " + d), Duration.ofMillis(200));

  private static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-12-07T08:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void pass(long seconds) {
      now = now.plusSeconds(seconds);
    }
  }

  private boolean go(String address, String name) {
    return guard.check(address, name) instanceof SignInGuard.Verdict.Go;
  }

  @Test
  void aStrangerCannotLockAnOfficeOutOfItsUsualAddress() {
    assertThat(go("10.0.0.1", "dongsheng")).isTrue();
    guard.succeeded("10.0.0.1", "dongsheng"); // the office's own machine
    for (int i = 0; i < 5; i++) {
      assertThat(go("203.0.113." + i, "dongsheng")).as("free mistake %d", i).isTrue();
      guard.failed("203.0.113." + i, "dongsheng");
    }
    assertThat(audit).as("five mistakes start no throttle").isEmpty();
    guard.failed("203.0.113.9", "dongsheng");
    assertThat(guard.check("203.0.113.99", "DongSheng "))
        .as("the name is held back for strangers, whatever its case")
        .isEqualTo(new SignInGuard.Verdict.Wait(2));
    assertThat(go("10.0.0.1", "dongsheng")).as("but not at the office's usual address").isTrue();
    assertThat(audit).containsExactly("THROTTLED name dongsheng: 6 wrong passwords in 15 minutes");
  }

  @Test
  void aNameThatDoesNotExistIsHeldBackExactlyLikeOneThatDoes() {
    for (String name : List.of("dongsheng", "nobody-here")) {
      for (int i = 0; i < 6; i++) {
        guard.failed("198.51.100." + i, name);
      }
      assertThat(guard.check("198.51.100.200", name)).isEqualTo(new SignInGuard.Verdict.Wait(2));
    }
  }

  @Test
  void eachFurtherMistakeDoublesTheWaitUpToFifteenMinutes() {
    for (int i = 0; i < 6; i++) {
      guard.failed("192.0.2." + i, "kangbashi");
    }
    assertThat(guard.check("192.0.2.100", "kangbashi")).isEqualTo(new SignInGuard.Verdict.Wait(2));
    clock.pass(2);
    assertThat(go("192.0.2.100", "kangbashi")).as("waited enough").isTrue();
    guard.failed("192.0.2.100", "kangbashi");
    assertThat(guard.check("192.0.2.101", "kangbashi")).isEqualTo(new SignInGuard.Verdict.Wait(4));
    for (int i = 0; i < 20; i++) {
      guard.failed("192.0.2." + (120 + i), "kangbashi");
    }
    assertThat(guard.check("192.0.2.250", "kangbashi"))
        .isEqualTo(new SignInGuard.Verdict.Wait(15 * 60));
    assertThat(guard.throttles())
        .extracting(SignInGuard.Throttle::kind, SignInGuard.Throttle::key)
        .containsExactly(Tuple.tuple("name", "kangbashi"));
    assertThat(guard.clear("name", "kangbashi", "admin")).isTrue();
    assertThat(go("192.0.2.250", "kangbashi")).isTrue();
    assertThat(audit)
        .containsExactly(
            "THROTTLED name kangbashi: 6 wrong passwords in 15 minutes",
            "THROTTLE_CLEARED name kangbashi cleared by admin");
  }

  @Test
  void anAddressGuessingManyNamesIsHeldBackAndAtMostSixtyAttemptsAMinute() {
    for (int i = 0; i < 21; i++) {
      assertThat(go("203.0.113.7", "name" + i)).isTrue();
      guard.failed("203.0.113.7", "name" + i);
    }
    assertThat(guard.check("203.0.113.7", "another")).isEqualTo(new SignInGuard.Verdict.Wait(2));
    assertThat(go("203.0.113.8", "another")).as("another address is not").isTrue();
    for (int i = 0; i < 60; i++) {
      assertThat(go("198.51.100.9", "dongsheng")).as("attempt %d", i + 1).isTrue();
    }
    assertThat(guard.check("198.51.100.9", "dongsheng"))
        .as("the 61st attempt within a minute")
        .isInstanceOf(SignInGuard.Verdict.Wait.class);
    clock.pass(61);
    assertThat(go("198.51.100.9", "dongsheng")).isTrue();
  }

  @Test
  void onlyOnePasswordIsCheckedAtATimeAndALongQueueIsTurnedAway() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    Thread first =
        new Thread(
            () ->
                guard.checking(
                    "203.0.113.50",
                    "dongsheng",
                    () -> {
                      running.incrementAndGet();
                      inside.countDown();
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return running.decrementAndGet();
                    }));
    first.start();
    inside.await();
    assertThatThrownBy(() -> guard.checking("203.0.113.51", "no-such", running::incrementAndGet))
        .as("no turn within the wait while one stranger's check runs")
        .isInstanceOf(SignInGuard.Busy.class);
    assertThat(running.get()).as("the second check never ran").isEqualTo(1);
    // the office's own machine (it signed in from there before) has a lane of its own
    guard.succeeded("198.51.100.9", "dongsheng");
    assertThat(guard.checking("198.51.100.9", "dongsheng", running::incrementAndGet))
        .as("the usual address checks at once beside the stranger's check")
        .isEqualTo(2);
    running.decrementAndGet();
    release.countDown();
    first.join();
    assertThat(guard.checking("203.0.113.51", "no-such", running::incrementAndGet))
        .as("its turn once free")
        .isEqualTo(1);
  }

  @Test
  void onlyAFewWaitForTheirTurnAndTheRestHearBusyAtOnce() throws Exception {
    SignInGuard g = new SignInGuard(clock, (a, d) -> {}, Duration.ofSeconds(20));
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () ->
                g.checking(
                    "203.0.113.1",
                    "x",
                    () -> {
                      inside.countDown();
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return 0;
                    }));
    holder.start();
    inside.await();
    AtomicInteger checked = new AtomicInteger();
    List<Thread> waiters = new ArrayList<>();
    for (int i = 0; i < SignInGuard.MAX_WAITING; i++) {
      String address = "203.0.113." + (10 + i);
      waiters.add(
          Thread.ofPlatform().start(() -> g.checking(address, "y", checked::incrementAndGet)));
    }
    while (g.strangersWaiting() < SignInGuard.MAX_WAITING) {
      Thread.sleep(5);
    }
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> g.checking("203.0.113.99", "z", checked::incrementAndGet))
        .as("one more than may wait")
        .isInstanceOf(SignInGuard.Busy.class);
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .as("told at once")
        .isLessThan(Duration.ofSeconds(1));
    release.countDown();
    holder.join();
    for (Thread t : waiters) {
      t.join();
    }
    assertThat(checked.get())
        .as("every waiter had its turn, the one turned away none")
        .isEqualTo(3);
    assertThat(g.strangersWaiting()).isZero();
  }
}

package org.vsmap.pipeline;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A named step of batch work, logged with what it counted and how long it took. */
public final class Stage {
  private static final Logger LOG = LoggerFactory.getLogger(Stage.class);

  private Stage() {}

  /** Runs the step; {@code work} returns how many records it handled. */
  public static <T extends Number> T run(String name, Supplier<T> work) {
    long t0 = System.nanoTime();
    T count = work.get();
    LOG.info("stage {}: {} records in {} ms", name, count, (System.nanoTime() - t0) / 1_000_000);
    return count;
  }

  /** Runs the step; {@code count} says how many records its result holds. */
  public static <T> T run(
      String name, Supplier<T> work, java.util.function.ToIntFunction<T> count) {
    long t0 = System.nanoTime();
    T result = work.get();
    LOG.info(
        "stage {}: {} records in {} ms",
        name,
        count.applyAsInt(result),
        (System.nanoTime() - t0) / 1_000_000);
    return result;
  }
}

package org.vsmap.app;

/** A failure the user can act on: its message is the whole explanation, in one line. */
public final class Failure extends RuntimeException {
  private final int exitCode;

  public Failure(String message) {
    this(message, null);
  }

  public Failure(String message, Throwable cause) {
    super(message, cause);
    this.exitCode = 2;
  }

  public int exitCode() {
    return exitCode;
  }

  /** One line for any exception: our own message, or the root cause's. */
  static String describe(Throwable e) {
    if (e instanceof Failure || e instanceof org.vsmap.pipeline.store.StoreException) {
      return e.getMessage();
    }
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}

package org.vsmap.pipeline.store;

/** The store cannot be opened or used; the message names the problem in one line. */
public class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

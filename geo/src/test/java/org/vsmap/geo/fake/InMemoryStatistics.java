package org.vsmap.geo.fake;

import org.vsmap.geo.port.Statistics;

/**
 * The {@link Statistics} port answering the table a test made (suppression is the engine's, tested
 * there).
 */
public final class InMemoryStatistics implements Statistics {
  private volatile Table table;

  public InMemoryStatistics(Table table) {
    this.table = table;
  }

  public void set(Table table) {
    this.table = table;
  }

  @Override
  public Table table() {
    return table;
  }
}

package org.vsmap.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers kept in memory: a synchronized map that forgets the least recently used past a size. */
final class Kept {
  private Kept() {}

  static <K, V> Map<K, V> lru(int max) {
    return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
      }
    });
  }
}

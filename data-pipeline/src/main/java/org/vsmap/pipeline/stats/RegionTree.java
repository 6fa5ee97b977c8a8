package org.vsmap.pipeline.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The regions as a tree: by code, parents, children, deepest first, population summed up. */
record RegionTree(
    Map<String, StatisticsEngine.RegionIn> byCode,
    Map<String, String> parentOf,
    Map<String, List<String>> children,
    List<String> bottomUp,
    Map<String, Long> population) {
  static RegionTree of(List<StatisticsEngine.RegionIn> regions) {
    Map<String, StatisticsEngine.RegionIn> byCode = new LinkedHashMap<>();
    regions.forEach(r -> byCode.put(r.code(), r));
    Map<String, String> parentOf = new HashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    for (StatisticsEngine.RegionIn r : regions) {
      if (r.parent() != null && byCode.containsKey(r.parent())) {
        parentOf.put(r.code(), r.parent());
        children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r.code());
      }
    }
    List<String> bottomUp = new ArrayList<>(byCode.keySet());
    bottomUp.sort(Comparator.comparingInt(String::length).reversed());
    Map<String, Long> population = sumUp(bottomUp, children, code -> byCode.get(code).population());

    return new RegionTree(byCode, parentOf, children, bottomUp, population);
  }

  /**
   * Each region's own number, or the sum of its children's when it has none and every child has
   * one.
   */
  static Map<String, Long> sumUp(
      List<String> bottomUp,
      Map<String, List<String>> children,
      java.util.function.Function<String, Long> own) {
    Map<String, Long> out = new HashMap<>();
    for (String code : bottomUp) {
      Long v = own.apply(code);
      if (v == null) {
        List<String> kids = children.getOrDefault(code, List.of());
        if (!kids.isEmpty() && kids.stream().allMatch(out::containsKey)) {
          v = kids.stream().mapToLong(out::get).sum();
        }
      }
      if (v != null) {
        out.put(code, v);
      }
    }
    return out;
  }
}

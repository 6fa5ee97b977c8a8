package org.vsmap.geo.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.port.Downloads;

/**
 * The {@link Downloads} port over rows a test gives: each dataset a list of CSV lines after its
 * header; every format writes those lines (the formats themselves are the exporter's, tested with
 * real readers), filtered by region prefix when a row starts with its region code. {@link #version}
 * moves with every change a test makes through {@link #put}.
 */
public final class InMemoryDownloads implements Downloads {
  private final Map<String, List<String>> rows = new LinkedHashMap<>();
  private int changes;
  public final List<Filter> asked = new ArrayList<>();

  /** A dataset whose rows are "regionCode,name,…" lines. */
  public InMemoryDownloads put(String dataset, List<String> lines) {
    rows.put(dataset, List.copyOf(lines));
    changes++;
    return this;
  }

  @Override
  public List<Dataset> datasets() {
    return rows.keySet().stream()
        .map(
            id ->
                new Dataset(
                    id,
                    id,
                    id,
                    List.of(
                        new Field("region_code", "string", null, "区划代码", "region code", "150602"),
                        new Field("name", "string", null, "名称", "name", "锦秀社区志愿服务站"))))
        .toList();
  }

  @Override
  public String version() {
    return "fake-" + changes;
  }

  @Override
  public LocalDateTime lastModified() {
    return LocalDateTime.of(2026, 12, 7, 10, 0);
  }

  @Override
  public long count(String dataset) {
    return rows.getOrDefault(dataset, List.of()).size();
  }

  @Override
  public void write(String dataset, Format format, Filter filter, OutputStream out)
      throws IOException {
    List<String> lines = rows.get(dataset);
    if (lines == null) {
      throw new IllegalArgumentException("no dataset " + dataset);
    }
    asked.add(filter);
    if (format == Format.GEOJSON) {
      // the same rows as features without a geometry, through the one GeoJSON writer
      try (var c = org.vsmap.geo.format.GeoJson.collection(out, Map.of())) {
        for (String line : lines) {
          String[] cells = line.split(",", 2);
          if (filter.region() == null || line.startsWith(filter.region())) {
            c.add(
                new org.vsmap.geo.format.GeoJson.Feature(
                    cells[0], null, Map.of("region_code", cells[0], "name", cells[1])));
          }
        }
      }
      return;
    }
    StringBuilder b = new StringBuilder("region_code,name\r\n");
    for (String line : lines) {
      if (filter.region() == null || line.startsWith(filter.region())) {
        b.append(line).append("\r\n");
      }
    }
    out.write(b.toString().getBytes(StandardCharsets.UTF_8));
  }
}

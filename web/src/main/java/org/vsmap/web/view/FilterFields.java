package org.vsmap.web.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.CareGroup;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.web.Readiness;
import org.vsmap.web.WebPorts;

/**
 * The search filters' choices (themes by 关爱 group, districts and streets) as the map and the
 * calendar show them.
 */
public final class FilterFields {
  private FilterFields() {}

  /**
   * The filter fields the map and the activity calendar share (templates {@code _filter_fields}):
   * theme by 关爱 group, 关爱 group, county and street, each with what the request selected.
   */
  public static void of(
      Map<String, Object> model, SearchIndex.Request request, Lang lang, Readiness readiness) {
    WebPorts ports = readiness.ports();
    List<Map<String, Object>> careGroups = new ArrayList<>();
    String selectedTheme =
        request.themes().size() == 1 ? request.themes().iterator().next().name().toLowerCase() : "";
    String selectedCare =
        request.careGroups().size() == 1
            ? request.careGroups().iterator().next().name().toLowerCase()
            : "";
    for (CareGroup g : CareGroup.values()) {
      List<Map<String, Object>> themes = new ArrayList<>();
      for (Theme t : Theme.values()) {
        if (t.group() == g) {
          themes.add(
              Map.of("value", t.name().toLowerCase(), "label", lang == Lang.ZH ? t.zh() : t.en()));
        }
      }
      careGroups.add(
          Map.of(
              "value",
              g.name().toLowerCase(),
              "label",
              lang == Lang.ZH ? g.zh() : g.en(),
              "themes",
              themes));
    }
    model.put("careGroups", careGroups);
    model.put("selectedTheme", selectedTheme);
    model.put("selectedCare", selectedCare);
    String region = request.regionCode() == null ? "" : request.regionCode();
    model.put("selectedRegion", region);
    model.put("counties", readiness.regionNames().counties());
    String county = region.length() >= 6 ? region.substring(0, 6) : "";
    model.put("selectedCounty", county);
    model.put(
        "streets",
        county.isEmpty()
            ? List.of()
            : ports.regions().regionsUnder(county).stream()
                .map(r -> Map.of("code", r.code(), "name", r.name()))
                .toList());
    model.put("recruiting", request.recruitingOnly());
  }
}

package org.vsmap.web.view;

import java.util.ArrayList;
import java.util.List;
import org.vsmap.geo.model.CareGroup;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.web.Readiness;
import org.vsmap.web.WebPorts;

/**
 * The search filters' choices as the map, the widget builder and the calendar show them (templates
 * {@code _filter_fields}): theme by 关爱 group, 关爱 group, county and street, each with what the
 * request selected ("" for nothing), and whether only recruiting activities are asked for.
 */
public record FilterFields(
    List<CareGroupOption> careGroups,
    String selectedTheme,
    String selectedCare,
    String selectedRegion,
    List<Labels.RegionOption> counties,
    String selectedCounty,
    List<Labels.RegionOption> streets,
    boolean recruiting) {

  /** A 关爱 group with its themes. */
  public record CareGroupOption(String value, String label, List<Option> themes) {}

  /** A choice: the value sent and the label shown. */
  public record Option(String value, String label) {}

  public static FilterFields of(SearchIndex.Request request, Lang lang, Readiness readiness) {
    WebPorts ports = readiness.ports();
    List<CareGroupOption> careGroups = new ArrayList<>();
    for (CareGroup g : CareGroup.values()) {
      List<Option> themes = new ArrayList<>();
      for (Theme t : Theme.values()) {
        if (t.group() == g) {
          themes.add(new Option(t.name().toLowerCase(), lang == Lang.ZH ? t.zh() : t.en()));
        }
      }
      careGroups.add(
          new CareGroupOption(g.name().toLowerCase(), lang == Lang.ZH ? g.zh() : g.en(), themes));
    }
    String region = request.regionCode() == null ? "" : request.regionCode();
    String county = region.length() >= 6 ? region.substring(0, 6) : "";
    return new FilterFields(
        careGroups,
        request.themes().size() == 1 ? request.themes().iterator().next().name().toLowerCase() : "",
        request.careGroups().size() == 1
            ? request.careGroups().iterator().next().name().toLowerCase()
            : "",
        region,
        readiness.regionNames().counties(lang),
        county,
        county.isEmpty()
            ? List.of()
            : ports.regions().regionsUnder(county).stream()
                .map(
                    r ->
                        new Labels.RegionOption(
                            r.code(),
                            lang == Lang.ZH ? r.name() : PlaceNames.english(r.code(), r.name())))
                .toList(),
        request.recruitingOnly());
  }
}

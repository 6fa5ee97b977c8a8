package org.vsmap.web.awareness;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vsmap.geo.model.Honour;
import org.vsmap.geo.model.RegionCode;
import org.vsmap.geo.port.Honours;
import org.vsmap.web.Readiness;
import org.vsmap.web.WebPorts;
import org.vsmap.web.http.QueryParams;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Labels;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.Views;

/**
 * GET /honours: the honours by year (newest first), optionally one year or one region, each with
 * what or who was honoured (linked), its level and awarding body. A volunteer appears by name only
 * when the volunteer agreed; otherwise as "a volunteer".
 */
public final class HonoursPage {
  private static final Set<String> PARAMS = Set.of("year", "region", "lang", "text");

  private final Views views;
  private final Readiness readiness;

  public HonoursPage(Views views, Readiness readiness) {
    this.views = views;
    this.readiness = readiness;
  }

  public void show(Context ctx) {
    for (String p : ctx.queryParamMap().keySet()) {
      if (!PARAMS.contains(p)) {
        throw WebError.badRequest(
            "unknown parameter '"
                + p
                + "': the honours page takes "
                + PARAMS.stream().sorted().toList());
      }
    }
    Integer year =
        QueryParams.integer(
                ctx,
                "year",
                QueryParams.Blank.ABSENT,
                raw -> "year must be a year like 2025; got: " + raw)
            .orElse(null);
    String region = ctx.queryParam("region");
    region = region == null || region.isBlank() ? null : region.strip();
    if (region != null && !region.matches("\\d{2,12}")) {
      throw WebError.badRequest(
          "region must be a region code of 2 to 12 digits, e.g. 150602; got: " + region);
    }
    Lang lang = Lang.of(ctx);
    WebPorts ports = readiness.ports();
    Honours honours = ports.honours();
    List<Honour> all = honours == null ? List.of() : honours.honours();
    Set<Integer> years = new TreeSet<>(java.util.Comparator.reverseOrder());
    all.forEach(h -> years.add(h.year()));
    Map<Integer, List<Item>> byYear = new LinkedHashMap<>();
    for (Honour h : all) {
      if ((year != null && h.year() != year)
          || (region != null && !RegionCode.within(h.regionCode(), region))) {
        continue;
      }
      byYear.computeIfAbsent(h.year(), k -> new ArrayList<>()).add(item(h, lang, ports));
    }
    List<Group> groups = new ArrayList<>();
    byYear.forEach(
        (k, v) ->
            groups.add(
                new Group(k, lang.messages().get("honours.year").replace("{y}", k.toString()), v)));
    HonoursView view =
        new HonoursView(
            groups,
            List.copyOf(years),
            year == null ? "" : year.toString(),
            region == null ? "" : region,
            readiness.regionNames().counties(lang));
    ctx.html(views.render(ctx, "awareness/honours", lang, view));
  }

  /**
   * The honours page (awareness/honours.peb): honours by year, and the year and district chosen.
   */
  public record HonoursView(
      List<Group> groups,
      List<Integer> years,
      String selectedYear,
      String selectedRegion,
      List<Labels.RegionOption> counties) {}

  /** The honours of one year. */
  public record Group(int year, String label, List<Item> items) {}

  /**
   * One honour as listed: what, by whom, where, and whom it honours — a page's name and link (no
   * link once that record is retired), and a volunteer's team.
   */
  public record Item(
      String id,
      String title,
      String level,
      String awardedBy,
      String kind,
      String citation,
      boolean synthetic,
      String where,
      String name,
      String url,
      String teamName,
      String teamUrl) {}

  private Item item(Honour h, Lang lang, WebPorts ports) {
    String name = null;
    String url = null;
    String teamName = null;
    String teamUrl = null;
    switch (h.subject()) {
      case STATION -> {
        name = ports.stations().stationById(h.subjectId()).map(s -> s.name()).orElse(null);
        url = "/stations/" + h.subjectId();
      }
      case TEAM -> {
        name = ports.teams().teamById(h.subjectId()).map(t -> t.name()).orElse(null);
        url = "/teams/" + h.subjectId();
      }
      case ACTIVITY -> {
        name = ports.activities().activityById(h.subjectId()).map(a -> a.title()).orElse(null);
        url = "/activities/" + h.subjectId();
      }
      case COMMUNITY -> name = readiness.regionNames().name(h.subjectId(), lang);
      case VOLUNTEER -> {
        name =
            h.volunteerName() != null
                ? h.volunteerName()
                : lang.messages().get("honours.volunteer");
        if (h.subjectId() != null) {
          teamName = ports.teams().teamById(h.subjectId()).map(t -> t.name()).orElse(null);
          teamUrl = "/teams/" + h.subjectId();
        }
      }
    }
    if (name == null) {
      url = null; // retired since: named, not linked
      name = h.subjectId();
    }
    return new Item(
        h.id(),
        h.title(),
        lang == Lang.ZH ? h.level().zh() : h.level().en(),
        h.awardedBy(),
        lang == Lang.ZH ? h.subject().zh() : h.subject().en(),
        h.citation(),
        h.synthetic(),
        String.join(" ", readiness.regionNames().chain(h.regionCode(), lang)),
        name,
        url,
        teamName,
        teamUrl);
  }
}

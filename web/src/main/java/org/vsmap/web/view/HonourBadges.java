package org.vsmap.web.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.Honour;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.Honours;
import org.vsmap.web.WebPorts;

/**
 * Honours as badges: on the map's hits and popups ({@code "honours"} in the search and cluster
 * answers), and on detail pages. The honours port keeps the whole list (a few dozen a year), so a
 * request looks them up in a map it builds once.
 */
public final class HonourBadges {
  private final Map<String, List<Honour>> bySubject = new HashMap<>();
  private final Lang lang;

  private HonourBadges(Honours honours, Lang lang) {
    this.lang = lang;
    if (honours != null) {
      for (Honour h : honours.honours()) {
        if (h.subjectId() != null) {
          bySubject
              .computeIfAbsent(h.subject().name() + ":" + h.subjectId(), k -> new ArrayList<>())
              .add(h);
        }
      }
    }
  }

  public static HonourBadges of(WebPorts ports, Lang lang) {
    return new HonourBadges(ports.honours(), lang);
  }

  /**
   * The honours of a station, team or activity; a team's include its volunteers' (their names as
   * published).
   */
  public List<Honour> of(Kind kind, String id) {
    List<Honour> out = new ArrayList<>(bySubject.getOrDefault(kind.name() + ":" + id, List.of()));
    if (kind == Kind.TEAM) {
      out.addAll(
          bySubject.getOrDefault(Honour.HonourSubject.VOLUNTEER.name() + ":" + id, List.of()));
    }
    return out;
  }

  /** One line per honour: "2025 最美志愿服务站（市级）". */
  public List<String> labels(Kind kind, String id) {
    return of(kind, id).stream().map(this::label).toList();
  }

  public String label(Honour h) {
    String who =
        h.subject() == Honour.HonourSubject.VOLUNTEER
            ? (lang == Lang.ZH ? "队员" : "member ")
                + (h.volunteerName() == null ? "" : h.volunteerName() + " ")
            : "";
    return lang == Lang.ZH
        ? h.year() + " " + who + h.title() + "（" + h.level().zh() + "）"
        : h.year() + " " + who + Vocabulary.of(h.title(), lang) + " (" + h.level().en() + ")";
  }

  /** What a detail page lists: each honour with its parts. */
  public List<PageHonour> forPage(Kind kind, String id) {
    return of(kind, id).stream()
        .map(h -> new PageHonour(label(h), Vocabulary.of(h.awardedBy(), lang), h.synthetic()))
        .toList();
  }

  /** An honour as a detail page lists it. */
  public record PageHonour(String label, String awardedBy, boolean synthetic) {}
}

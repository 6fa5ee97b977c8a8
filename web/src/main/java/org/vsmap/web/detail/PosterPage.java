package org.vsmap.web.detail;

import io.javalin.http.Context;
import java.util.List;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Station;
import org.vsmap.web.Readiness;
import org.vsmap.web.WebSettings;
import org.vsmap.web.http.Origin;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Formats;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.QrCode;
import org.vsmap.web.view.Views;

/**
 * A printable A4 poster of a station or an activity for the community notice board: the name, when
 * and where, what it offers, and a QR code (ZXing) to its page. Print CSS only; the QR code is an
 * inline SVG made on the server, so the poster prints sharp and needs no script.
 */
public final class PosterPage {
  private final Views views;
  private final WebSettings settings;
  private final Readiness readiness;

  public PosterPage(Views views, WebSettings settings, Readiness readiness) {
    this.views = views;
    this.settings = settings;
    this.readiness = readiness;
  }

  public void station(Context ctx) {
    String id = ctx.pathParam("id");
    Station s =
        readiness
            .ports()
            .stations()
            .stationById(id)
            .orElseThrow(() -> WebError.notFound("no station with id " + id));
    Lang lang = Lang.of(ctx);
    String path = "/stations/" + s.id();
    String url = Origin.of(ctx) + path;
    Poster poster =
        new Poster(
            url,
            path,
            QrCode.of(url),
            lang == Lang.ZH ? s.type().zh() : s.type().en(),
            s.name(),
            s.address() != null
                ? s.address()
                : String.join(" ", readiness.regionNames().chain(s.regionCode())),
            s.openingHours(),
            s.services(),
            s.publicContact(),
            null,
            null,
            false,
            null,
            s.synthetic());
    ctx.html(views.render(ctx, "detail/poster", lang, poster));
  }

  public void activity(Context ctx) {
    String id = ctx.pathParam("id");
    Activity a =
        readiness
            .ports()
            .activities()
            .activityById(id)
            .orElseThrow(() -> WebError.notFound("no activity with id " + id));
    Lang lang = Lang.of(ctx);
    String path = "/activities/" + a.id();
    String url = Origin.of(ctx) + path;
    Station at =
        a.stationId() == null
            ? null
            : readiness.ports().stations().stationById(a.stationId()).orElse(null);
    String when =
        Formats.WHEN.format(a.start())
            + "–"
            + Formats.WHEN.format(a.end()).substring(11)
            + (a.recurrence() == org.vsmap.geo.model.Recurrence.WEEKLY
                ? (lang == Lang.ZH ? "（每周）" : " (weekly)")
                : "");
    Poster poster =
        new Poster(
            url,
            path,
            QrCode.of(url),
            lang == Lang.ZH ? a.theme().zh() : a.theme().en(),
            a.title(),
            at != null
                ? at.name() + (at.address() == null ? "" : " · " + at.address())
                : String.join(" ", readiness.regionNames().chain(a.regionCode())),
            when,
            List.of(),
            null,
            a.description(),
            readiness.ports().teams().teamById(a.organiserTeamId()).map(t -> t.name()).orElse(null),
            a.volunteersSignedUp() < a.volunteersWanted(),
            a.volunteersWanted(),
            a.synthetic());
    ctx.html(views.render(ctx, "detail/poster", lang, poster));
  }

  /**
   * A printable poster of a station or an activity (detail/poster.peb): what it is, where and when,
   * and the QR code of its page. A station has services and a public contact; an activity a
   * description, its team and whether it still recruits ({@code wanted} null for a station).
   */
  public record Poster(
      String url,
      String path,
      QrCode qr,
      String kind,
      String title,
      String where,
      String when,
      List<String> services,
      String contact,
      String description,
      String team,
      boolean recruiting,
      Integer wanted,
      boolean synthetic) {}
}

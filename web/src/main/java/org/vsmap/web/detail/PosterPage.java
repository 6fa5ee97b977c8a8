package org.vsmap.web.detail;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Station;
import org.vsmap.web.Readiness;
import org.vsmap.web.WebSettings;
import org.vsmap.web.http.Origin;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Formats;
import org.vsmap.web.view.Lang;
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
    Map<String, Object> m = base(ctx, "/stations/" + s.id());
    m.put("kind", lang == Lang.ZH ? s.type().zh() : s.type().en());
    m.put("title", s.name());
    m.put(
        "where",
        s.address() != null
            ? s.address()
            : String.join(" ", readiness.regionNames().chain(s.regionCode())));
    m.put("when", s.openingHours());
    m.put("services", s.services());
    m.put("contact", s.publicContact());
    m.put("synthetic", s.synthetic());
    ctx.html(views.render("detail/poster", lang, m));
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
    Map<String, Object> m = base(ctx, "/activities/" + a.id());
    m.put("kind", lang == Lang.ZH ? a.theme().zh() : a.theme().en());
    m.put("title", a.title());
    Station at =
        a.stationId() == null
            ? null
            : readiness.ports().stations().stationById(a.stationId()).orElse(null);
    m.put(
        "where",
        at != null
            ? at.name() + (at.address() == null ? "" : " · " + at.address())
            : String.join(" ", readiness.regionNames().chain(a.regionCode())));
    m.put(
        "when",
        Formats.WHEN.format(a.start())
            + "–"
            + Formats.WHEN.format(a.end()).substring(11)
            + (a.recurrence() == org.vsmap.geo.model.Recurrence.WEEKLY
                ? (lang == Lang.ZH ? "（每周）" : " (weekly)")
                : ""));
    m.put("description", a.description());
    m.put(
        "team",
        readiness.ports().teams().teamById(a.organiserTeamId()).map(t -> t.name()).orElse(null));
    m.put("recruiting", a.volunteersSignedUp() < a.volunteersWanted());
    m.put("wanted", a.volunteersWanted());
    m.put("synthetic", a.synthetic());
    ctx.html(views.render("detail/poster", lang, m));
  }

  private Map<String, Object> base(Context ctx, String path) {
    String url = Origin.of(ctx) + path;
    Map<String, Object> m = new HashMap<>();
    m.put("url", url);
    m.put("path", path);
    m.put("qr", qrPath(url));
    return m;
  }

  /** The QR code of {@code text} as one SVG path in module units (size, path). */
  public static Map<String, Object> qrPath(String text) {
    BitMatrix bits;
    try {
      bits =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.MARGIN,
                      4,
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalStateException(
          "a page URL could not be put in a QR code: " + e.getMessage(), e);
    }
    StringBuilder d = new StringBuilder();
    for (int y = 0; y < bits.getHeight(); y++) {
      for (int x = 0; x < bits.getWidth(); x++) {
        if (bits.get(x, y)) {
          d.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return Map.of("size", bits.getWidth(), "d", d.toString());
  }
}

package org.vsmap.web.detail;

import io.javalin.http.Context;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.Photos;
import org.vsmap.web.Readiness;
import org.vsmap.web.http.ConditionalGet;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.PhotoItems;
import org.vsmap.web.view.Views;

/**
 * Photos from the field on the public side: {@code /photos/{id}/{thumb|medium|full}.jpg} (the
 * re-encoded JPEGs, immutable, cached for a year), the galleries {@code /stations/{id}/photos} and
 * {@code /teams/{id}/photos}, and the strip of thumbnails on detail pages.
 */
public final class PhotoPages {
  /** Thumbnails on a detail page; the gallery has the rest. */
  public static final int ON_DETAIL_PAGE = 6;

  /** Photos in a gallery page. */
  public static final int IN_GALLERY = 200;

  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final Views views;
  private final Readiness readiness;

  public PhotoPages(Views views, Readiness readiness) {
    this.views = views;
    this.readiness = readiness;
  }

  /** GET /photos/{id}/{size}.jpg */
  public void image(Context ctx) {
    String id = ctx.pathParam("id");
    String file = ctx.pathParam("file");
    if (!ID.matcher(id).matches()) {
      throw WebError.notFound("no photo with id " + id);
    }
    Photos.Size size =
        switch (file) {
          case "thumb.jpg" -> Photos.Size.THUMB;
          case "medium.jpg" -> Photos.Size.MEDIUM;
          case "full.jpg" -> Photos.Size.FULL;
          default ->
              throw WebError.notFound(
                  "a photo comes as thumb.jpg, medium.jpg or full.jpg, not " + file);
        };
    Photos photos = photos();
    String etag = "\"" + id + "-" + size.name().toLowerCase() + "\"";
    ctx.header(
        "Cache-Control",
        "public, max-age=31536000, immutable"); // a photo's bytes never change; retiring removes
    // the URL
    byte[] bytes =
        photos.image(id, size).orElseThrow(() -> WebError.notFound("no photo with id " + id));
    if (ConditionalGet.notModified(ctx, etag)) {
      return;
    }
    ctx.contentType("image/jpeg").result(bytes);
  }

  /** GET /stations/{id}/photos */
  public void stationGallery(Context ctx) {
    String id = ctx.pathParam("id");
    var station =
        readiness
            .ports()
            .stations()
            .stationById(id)
            .orElseThrow(() -> WebError.notFound("no station with id " + id));
    gallery(ctx, Kind.STATION, id, station.name(), "/stations/" + id, station.synthetic());
  }

  /** GET /teams/{id}/photos */
  public void teamGallery(Context ctx) {
    String id = ctx.pathParam("id");
    var team =
        readiness
            .ports()
            .teams()
            .teamById(id)
            .orElseThrow(() -> WebError.notFound("no team with id " + id));
    gallery(ctx, Kind.TEAM, id, team.name(), "/teams/" + id, team.synthetic());
  }

  private void gallery(
      Context ctx, Kind kind, String id, String name, String page, boolean synthetic) {
    Lang lang = Lang.of(ctx);
    Gallery model =
        new Gallery(name, page, synthetic, PhotoItems.of(readiness, kind, id, IN_GALLERY));
    ctx.html(views.render(ctx, "detail/gallery", lang, model));
  }

  /** A station's or team's photos (detail/gallery.peb), with a link back to its page. */
  public record Gallery(
      String name, String page, boolean synthetic, List<PhotoItems.PhotoItem> photos) {}

  private Photos photos() {
    Photos p = readiness.ports().photos();
    if (p == null) {
      throw new WebError(503, "Service Unavailable", "photos are not available on this server");
    }
    return p;
  }
}

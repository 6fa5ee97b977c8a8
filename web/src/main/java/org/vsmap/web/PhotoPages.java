package org.vsmap.web;

import io.javalin.http.Context;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.Photos;
import org.vsmap.web.http.ConditionalGet;

/**
 * Photos from the field on the public side: {@code /photos/{id}/{thumb|medium|full}.jpg} (the
 * re-encoded JPEGs, immutable, cached for a year), the galleries {@code /stations/{id}/photos} and
 * {@code /teams/{id}/photos}, and the strip of thumbnails on detail pages.
 */
final class PhotoPages {
  /** Thumbnails on a detail page; the gallery has the rest. */
  static final int ON_DETAIL_PAGE = 6;

  /** Photos in a gallery page. */
  static final int IN_GALLERY = 200;

  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final Views views;
  private final Readiness readiness;

  PhotoPages(Views views, Readiness readiness) {
    this.views = views;
    this.readiness = readiness;
  }

  /** GET /photos/{id}/{size}.jpg */
  void image(Context ctx) {
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
    ctx.header("Access-Control-Allow-Origin", "*");
    byte[] bytes =
        photos.image(id, size).orElseThrow(() -> WebError.notFound("no photo with id " + id));
    if (ConditionalGet.notModified(ctx, etag)) {
      return;
    }
    ctx.contentType("image/jpeg").result(bytes);
  }

  /** GET /stations/{id}/photos */
  void stationGallery(Context ctx) {
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
  void teamGallery(Context ctx) {
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
    Map<String, Object> model = new HashMap<>();
    model.put("name", name);
    model.put("page", page);
    model.put("synthetic", synthetic);
    model.put("photos", items(readiness, kind, id, IN_GALLERY));
    model.put("largeText", "large".equals(ctx.queryParam("text")));
    ctx.html(views.render("gallery", lang, model));
  }

  /**
   * The photos of a record as the templates show them: sizes' URLs, alt text, and the activity each
   * comes from.
   */
  static List<Map<String, Object>> items(Readiness readiness, Kind kind, String id, int limit) {
    Photos photos = readiness.ports().photos();
    if (photos == null) {
      return List.of();
    }
    List<Photos.Photo> list = photos.gallery(kind, id, limit);
    Set<String> activityIds = new java.util.HashSet<>();
    list.stream()
        .filter(p -> p.kind() == Kind.ACTIVITY)
        .forEach(p -> activityIds.add(p.subjectId()));
    Map<String, Activity> activities = new HashMap<>();
    if (kind != Kind.ACTIVITY) {
      readiness
          .ports()
          .activities()
          .activitiesByIds(activityIds)
          .forEach(a -> activities.put(a.id(), a));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Photos.Photo p : list) {
      Map<String, Object> m = new HashMap<>();
      String base = "/photos/" + p.id() + "/";
      m.put("id", p.id());
      m.put("thumb", base + "thumb.jpg");
      m.put("medium", base + "medium.jpg");
      m.put("full", base + "full.jpg");
      m.put("alt", p.alt());
      m.put("width", p.width());
      m.put("height", p.height());
      for (Photos.Size size : List.of(Photos.Size.THUMB, Photos.Size.MEDIUM)) {
        // the stored size's pixels (the long side at most size.longSide, never enlarged):
        // width/height attributes avoid layout shifts
        double scale = Math.min(1.0, (double) size.longSide / Math.max(p.width(), p.height()));
        String name = size.name().toLowerCase(java.util.Locale.ROOT);
        m.put(name + "Width", (int) Math.round(p.width() * scale));
        m.put(name + "Height", (int) Math.round(p.height() * scale));
      }
      m.put("uploaded", DAY.format(p.uploadedAt()));
      Activity a = activities.get(p.subjectId());
      if (p.kind() == Kind.ACTIVITY && a != null) {
        m.put("activityId", a.id());
        m.put("activityTitle", a.title());
      }
      out.add(m);
    }
    return out;
  }

  private Photos photos() {
    Photos p = readiness.ports().photos();
    if (p == null) {
      throw new WebError(503, "Service Unavailable", "photos are not available on this server");
    }
    return p;
  }
}

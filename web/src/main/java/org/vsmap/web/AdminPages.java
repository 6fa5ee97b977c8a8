package org.vsmap.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.Offices;
import org.vsmap.geo.spatial.ChinaOffsets;

/**
 * The offices' pages under /admin: sign in, upload a file → validation report → confirm, edit a
 * station / team / activity, the audit log (page and CSV) and the region's restricted contacts.
 * Sessions are an HttpOnly, Secure, SameSite=Strict cookie; every form carries the session's CSRF
 * token (the sign-in form a double-submit token of its own); every answer is {@code no-store}. An
 * office that reaches for another region's record gets 403 and nothing changes.
 */
final class AdminPages {
  static final String SESSION_COOKIE = "vsmap_session";
  static final String LOGIN_COOKIE = "vsmap_login";
  static final long MAX_UPLOAD = 64L * 1024 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Views views;
  private final Readiness readiness;

  AdminPages(Views views, Readiness readiness) {
    this.views = views;
    this.readiness = readiness;
  }

  void before(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Frame-Options", "DENY");
    if (readiness.isReady() && readiness.storeProblem() != null) {
      // sessions, forms and changes all live in the database: say so at once instead of timing out
      ctx.header("Retry-After", "30");
      throw new WebError(
          503,
          "数据库暂时无法连接 / Database unreachable",
          "the database cannot be reached, so signing in and changes are paused; nothing was changed. The public map and search "
              + "keep working. Try again in a few minutes.");
    }
  }

  private Offices offices() {
    Offices o = readiness.ports().offices();
    if (o == null) {
      throw new WebError(
          503, "Service Unavailable", "the admin pages are not available on this server");
    }
    return o;
  }

  // ---- sign in / out -------------------------------------------------------------------------

  void loginForm(Context ctx) {
    renderLogin(ctx, 200, null);
  }

  private void renderLogin(Context ctx, int status, String error) {
    String token = random();
    setCookie(ctx, LOGIN_COOKIE, token, 600);
    Map<String, Object> model = new HashMap<>();
    model.put("csrf", token);
    model.put("error", error);
    ctx.status(status).html(views.render("admin_login", Lang.of(ctx), model));
  }

  void login(Context ctx) {
    String expected = ctx.cookie(LOGIN_COOKIE);
    if (expected == null || !same(expected, ctx.formParam("csrf"))) {
      throw new WebError(
          403,
          "Forbidden",
          "the sign-in form expired or came from another site: reload it and try again");
    }
    Offices.SignIn result = offices().signIn(ctx.formParam("username"), ctx.formParam("password"));
    switch (result) {
      case Offices.SignIn.Ok ok -> {
        Offices.Session s = offices().openSession(ok.account());
        setCookie(ctx, SESSION_COOKIE, s.token(), 8 * 3600);
        setCookie(ctx, LOGIN_COOKIE, "", 0);
        ctx.redirect("/admin");
      }
      case Offices.SignIn.Locked locked ->
          renderLogin(
              ctx,
              429,
              "连续输错密码，账号已锁定至 "
                  + locked.until().withNano(0)
                  + " / Too many wrong passwords: locked until "
                  + locked.until().withNano(0));
      case Offices.SignIn.Refused refused ->
          renderLogin(ctx, 401, "用户名或密码不对 / Wrong user name or password");
    }
  }

  void logout(Context ctx) {
    Offices.Session s = session(ctx);
    csrf(ctx, s);
    offices().closeSession(s.token());
    setCookie(ctx, SESSION_COOKIE, "", 0);
    ctx.redirect("/admin/login");
  }

  /** The signed-in session; 401 without one (GET pages use {@link #page} to redirect instead). */
  private Offices.Session session(Context ctx) {
    return offices()
        .session(ctx.cookie(SESSION_COOKIE))
        .orElseThrow(() -> new WebError(401, "Unauthorized", "sign in first: /admin/login"));
  }

  /** The signed-in session, or null after redirecting to the sign-in page. */
  private Offices.Session page(Context ctx) {
    Offices.Session s = offices().session(ctx.cookie(SESSION_COOKIE)).orElse(null);
    if (s == null) {
      ctx.redirect("/admin/login");
    }
    return s;
  }

  private static void csrf(Context ctx, Offices.Session s) {
    if (!same(s.csrf(), ctx.formParam("csrf"))) {
      throw new WebError(
          403,
          "Forbidden",
          "the form's CSRF token is missing or wrong: reload the page and submit again");
    }
  }

  // ---- home, upload, confirm -----------------------------------------------------------------

  void home(Context ctx) {
    Offices.Session s = page(ctx);
    if (s == null) {
      return;
    }
    Map<String, Object> model = base(s);
    model.put("audit", offices().audit(s.account(), 20));
    if ("started".equals(ctx.queryParam("published"))) {
      model.put(
          "published",
          "已开始发布，完成后新版本会出现在各数据集页面。/ Publishing has started; the new versions appear on the dataset pages when done.");
    }
    ctx.html(views.render("admin_home", Lang.of(ctx), model));
  }

  /**
   * POST /admin/publish: administrators only; the versions are written in the background (a large
   * set takes minutes).
   */
  void publish(Context ctx) {
    Offices.Session s = session(ctx);
    csrf(ctx, s);
    if (s.account().role() != Offices.Role.ADMIN) {
      throw new WebError(403, "Forbidden", "only an administrator may publish dataset versions");
    }
    org.vsmap.geo.port.Snapshots snapshots = readiness.ports().snapshots();
    if (snapshots == null) {
      throw new WebError(503, "Service Unavailable", "publishing is not available on this server");
    }
    Thread t =
        new Thread(
            () -> {
              try {
                snapshots.publish();
              } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(AdminPages.class)
                    .error("publish asked by {} failed", s.account().username(), e);
              }
            },
            "publish");
    t.setDaemon(true);
    t.start();
    ctx.redirect("/admin?published=started", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** 413 at once, before the body is read, when the declared upload is over {@link #MAX_UPLOAD}. */
  private static void notTooLarge(Context ctx, String message) {
    String length = ctx.header("Content-Length");
    if (length != null
        && length.matches("\\d{1,18}")
        && Long.parseLong(length) > MAX_UPLOAD + 64 * 1024) {
      throw new WebError(413, "Payload Too Large", message);
    }
  }

  /** An office's file as the upload forms send it ({@code file}), with the session it came in. */
  private record Received(Offices.Session session, String filename, byte[] bytes) {}

  /**
   * What every upload form gets first: the session (401), a declared size past the limit (413,
   * before the body is read), the CSRF token (403), then the file itself (400 when none, 413).
   */
  private Received received(Context ctx, String missing, String tooLarge) {
    Offices.Session s = session(ctx);
    notTooLarge(ctx, tooLarge);
    csrf(ctx, s);
    UploadedFile file = ctx.uploadedFile("file");
    byte[] bytes = bytes(file, missing, tooLarge);
    return new Received(s, file.filename(), bytes);
  }

  /** The bytes of an uploaded file: 400 when none was chosen, 413 past {@link #MAX_UPLOAD}. */
  private static byte[] bytes(UploadedFile file, String missing, String tooLarge) {
    if (file == null || file.size() == 0) {
      throw WebError.badRequest(missing);
    }
    byte[] bytes;
    try (InputStream in = file.content()) {
      bytes = in.readNBytes((int) MAX_UPLOAD + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_UPLOAD) {
      throw new WebError(413, "Payload Too Large", tooLarge);
    }
    return bytes;
  }

  void upload(Context ctx) {
    Received file =
        received(
            ctx,
            "choose a file to upload (CSV or XLSX)",
            "the file is larger than 64 MB: split it, or use the import command");
    Offices.Session s = file.session();
    Offices.Preview p;
    try {
      p =
          offices()
              .check(
                  s.account(),
                  ctx.formParam("kind"),
                  file.filename(),
                  file.bytes(),
                  ctx.formParam("crs"),
                  ctx.formParam("encoding"),
                  "on".equals(ctx.formParam("full")),
                  ctx.formParam("mapping"),
                  "on".equals(ctx.formParam("save_mapping")));
    } catch (IllegalArgumentException e) {
      throw WebError.badRequest(e.getMessage());
    }
    Map<String, Object> model = base(s);
    model.put("preview", p);
    ctx.status(p.clean() ? 200 : 400).html(views.render("admin_preview", Lang.of(ctx), model));
  }

  void confirm(Context ctx) {
    Offices.Session s = session(ctx);
    csrf(ctx, s);
    List<Offices.Change> changes;
    try {
      changes = offices().confirm(s.account(), ctx.pathParam("id"));
    } catch (NoSuchElementException e) {
      throw new WebError(409, "Conflict", e.getMessage());
    }
    Map<String, Object> model = base(s);
    model.put("changes", changes);
    ctx.html(views.render("admin_done", Lang.of(ctx), model));
  }

  // ---- edit forms ----------------------------------------------------------------------------

  void editStation(Context ctx) {
    Offices.Session s = page(ctx);
    if (s == null) {
      return;
    }
    Station st =
        readiness
            .ports()
            .stations()
            .stationById(ctx.pathParam("id"))
            .orElseThrow(() -> WebError.notFound("no station with id " + ctx.pathParam("id")));
    mayChange(s, st.regionCode(), st.id());
    renderEdit(ctx, s, 200, "station", st.id(), st.name(), stationFields(st, null), null);
  }

  void saveStation(Context ctx) {
    Offices.Session s = session(ctx);
    csrf(ctx, s);
    Station old =
        readiness
            .ports()
            .stations()
            .stationById(ctx.pathParam("id"))
            .orElseThrow(() -> WebError.notFound("no station with id " + ctx.pathParam("id")));
    mayChange(s, old.regionCode(), old.id());
    Station edited;
    try {
      double lon = number(ctx, "lon");
      double lat = number(ctx, "lat");
      if (!ChinaOffsets.inChina(lon, lat)) {
        throw new IllegalArgumentException(
            "经纬度不在中国境内 / the point is outside China (WGS84 longitude, latitude)");
      }
      GeoPoint p = new GeoPoint(lon, lat);
      boolean moved = !p.equals(old.location());
      edited =
          new Station(
              old.id(),
              required(ctx, "name"),
              StationType.valueOf(required(ctx, "type")),
              required(ctx, "region_code"),
              text(ctx, "address"),
              p,
              text(ctx, "opening_hours"),
              text(ctx, "services") == null
                  ? List.of()
                  : Arrays.asList(text(ctx, "services").split("[;；、,，]\\s*")),
              text(ctx, "public_contact"),
              FiveHas.parse(required(ctx, "five_has")),
              old.synthetic(),
              old.approximate() && !moved);
    } catch (IllegalArgumentException e) {
      renderEdit(
          ctx, s, 400, "station", old.id(), old.name(), stationFields(old, ctx), e.getMessage());
      return;
    }
    save(ctx, () -> offices().save(s.account(), edited), "/stations/" + old.id());
  }

  void editTeam(Context ctx) {
    Offices.Session s = page(ctx);
    if (s == null) {
      return;
    }
    Team t =
        readiness
            .ports()
            .teams()
            .teamById(ctx.pathParam("id"))
            .orElseThrow(() -> WebError.notFound("no team with id " + ctx.pathParam("id")));
    mayChange(s, t.regionCode(), t.id());
    renderEdit(ctx, s, 200, "team", t.id(), t.name(), teamFields(t, null), null);
  }

  void saveTeam(Context ctx) {
    Offices.Session s = session(ctx);
    csrf(ctx, s);
    Team old =
        readiness
            .ports()
            .teams()
            .teamById(ctx.pathParam("id"))
            .orElseThrow(() -> WebError.notFound("no team with id " + ctx.pathParam("id")));
    mayChange(s, old.regionCode(), old.id());
    Team edited;
    try {
      String founded = text(ctx, "founded");
      edited =
          new Team(
              old.id(),
              required(ctx, "name"),
              old.level(),
              old.parentId(),
              old.regionCode(),
              text(ctx, "supervising_unit"),
              founded == null ? null : LocalDate.parse(founded),
              text(ctx, "speciality"),
              old.homeStationId(),
              (int) number(ctx, "member_count"),
              old.synthetic());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      renderEdit(ctx, s, 400, "team", old.id(), old.name(), teamFields(old, ctx), e.getMessage());
      return;
    }
    save(ctx, () -> offices().save(s.account(), edited), "/teams/" + old.id());
  }

  void editActivity(Context ctx) {
    Offices.Session s = page(ctx);
    if (s == null) {
      return;
    }
    Activity a =
        readiness
            .ports()
            .activities()
            .activityById(ctx.pathParam("id"))
            .orElseThrow(() -> WebError.notFound("no activity with id " + ctx.pathParam("id")));
    mayChange(s, a.regionCode(), a.id());
    renderEdit(ctx, s, 200, "activity", a.id(), a.title(), activityFields(a, null), null);
  }

  void saveActivity(Context ctx) {
    Offices.Session s = session(ctx);
    csrf(ctx, s);
    Activity old =
        readiness
            .ports()
            .activities()
            .activityById(ctx.pathParam("id"))
            .orElseThrow(() -> WebError.notFound("no activity with id " + ctx.pathParam("id")));
    mayChange(s, old.regionCode(), old.id());
    Activity edited;
    try {
      String participants = text(ctx, "participants");
      edited =
          new Activity(
              old.id(),
              required(ctx, "title"),
              text(ctx, "description"),
              Theme.valueOf(required(ctx, "theme")),
              old.organiserTeamId(),
              old.stationId(),
              old.regionCode(),
              old.location(),
              LocalDateTime.parse(required(ctx, "start")),
              LocalDateTime.parse(required(ctx, "end")),
              old.recurrence(),
              (int) number(ctx, "volunteers_wanted"),
              (int) number(ctx, "volunteers_signed_up"),
              old.recordsServiceHours(),
              old.publishedNationally(),
              old.synthetic(),
              participants == null ? null : (int) number(ctx, "participants"),
              old.approximate());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      renderEdit(
          ctx, s, 400, "activity", old.id(), old.title(), activityFields(old, ctx), e.getMessage());
      return;
    }
    save(ctx, () -> offices().save(s.account(), edited), "/activities/" + old.id());
  }

  private void save(Context ctx, Runnable write, String then) {
    try {
      write.run();
    } catch (Offices.Forbidden e) {
      throw new WebError(403, "Forbidden", e.getMessage());
    }
    ctx.redirect(then);
  }

  private static void mayChange(Offices.Session s, String region, String id) {
    if (!s.account().mayChange(region)) {
      throw new WebError(
          403,
          "Forbidden",
          s.account().username()
              + " may only change records in region "
              + s.account().regionCode()
              + "; "
              + id
              + " is in "
              + region);
    }
  }

  // ---- honours -------------------------------------------------------------------------------

  /** GET /admin/honours: the honours this account may edit, newest first. */
  void honours(Context ctx) {
    Offices.Session s = page(ctx);
    if (s == null) {
      return;
    }
    Map<String, Object> model = base(s);
    org.vsmap.geo.port.Honours port = readiness.ports().honours();
    model.put(
        "honours",
        port == null
            ? List.of()
            : port.honours().stream().filter(h -> s.account().mayChange(h.regionCode())).toList());
    ctx.html(views.render("admin_honours", Lang.of(ctx), model));
  }

  void editHonour(Context ctx) {
    Offices.Session s = page(ctx);
    if (s == null) {
      return;
    }
    org.vsmap.geo.model.Honour h = honour(ctx.pathParam("id"));
    mayChange(s, h.regionCode(), h.id());
    renderEdit(ctx, s, 200, "honour", h.id(), h.title(), honourFields(h, null), null);
  }

  void saveHonour(Context ctx) {
    Offices.Session s = session(ctx);
    csrf(ctx, s);
    org.vsmap.geo.model.Honour old = honour(ctx.pathParam("id"));
    mayChange(s, old.regionCode(), old.id());
    org.vsmap.geo.model.Honour edited;
    try {
      String name = text(ctx, "volunteer_name");
      if (name != null && old.subject() != org.vsmap.geo.model.Honour.HonourSubject.VOLUNTEER) {
        throw new IllegalArgumentException(
            "只有表彰志愿者个人时才填写姓名 / a name belongs only to an honour for a volunteer");
      }
      if (name != null && !"yes".equals(ctx.formParam("consent"))) {
        throw new IllegalArgumentException(
            "只有本人同意公开时才能填写姓名 / a volunteer's name is published only with the volunteer's consent");
      }
      edited =
          new org.vsmap.geo.model.Honour(
              old.id(),
              required(ctx, "title"),
              (int) number(ctx, "year"),
              org.vsmap.geo.model.Honour.HonourLevel.valueOf(required(ctx, "level")),
              required(ctx, "awarded_by"),
              old.subject(),
              old.subjectId(),
              old.regionCode(),
              name,
              text(ctx, "citation"),
              old.synthetic(),
              old.point());
    } catch (IllegalArgumentException e) {
      renderEdit(
          ctx, s, 400, "honour", old.id(), old.title(), honourFields(old, ctx), e.getMessage());
      return;
    }
    save(ctx, () -> offices().save(s.account(), edited), "/honours");
  }

  /** 否 first, 是 second, always (Map.of has no order). */
  private static Map<String, String> consentOptions() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("no", "否 / No");
    m.put("yes", "是 / Yes");
    return m;
  }

  private org.vsmap.geo.model.Honour honour(String id) {
    org.vsmap.geo.port.Honours port = readiness.ports().honours();
    return (port == null
            ? java.util.stream.Stream.<org.vsmap.geo.model.Honour>empty()
            : port.honours().stream())
        .filter(h -> h.id().equals(id))
        .findFirst()
        .orElseThrow(() -> WebError.notFound("no honour with id " + id));
  }

  private static List<Map<String, Object>> honourFields(
      org.vsmap.geo.model.Honour h, Context posted) {
    List<Map<String, Object>> f = new ArrayList<>();
    f.add(field("title", "荣誉名称 / Title", h.title(), "text", posted));
    f.add(field("year", "年度 / Year", Integer.toString(h.year()), "number", posted));
    f.add(
        select(
            "level",
            "级别 / Level",
            h.level().name(),
            Arrays.stream(org.vsmap.geo.model.Honour.HonourLevel.values())
                .collect(
                    LinkedHashMap::new,
                    (m, l) -> m.put(l.name(), l.zh() + " / " + l.en()),
                    Map::putAll),
            posted));
    f.add(field("awarded_by", "授予单位 / Awarded by", h.awardedBy(), "text", posted));
    f.add(field("citation", "事迹简介 / Citation", h.citation(), "textarea", posted));
    if (h.subject() == org.vsmap.geo.model.Honour.HonourSubject.VOLUNTEER) {
      f.add(
          field(
              "volunteer_name",
              "志愿者姓名（仅在本人同意公开时填写）/ Volunteer's name (only with consent)",
              h.volunteerName(),
              "text",
              posted));
      f.add(
          select(
              "consent",
              "本人同意公开姓名 / The volunteer agreed to publish the name",
              h.volunteerName() != null ? "yes" : "no",
              consentOptions(),
              posted));
    }
    return f;
  }

  // ---- photos --------------------------------------------------------------------------------

  /** Photo slots in the upload form (the activity form of seed 001 asks for two photos). */
  static final int PHOTO_SLOTS = 4;

  /**
   * POST /admin/{stations|activities}/{id}/photos: photo1…photo4 with alt1…alt4. All are stored or,
   * when any is refused, none — the form comes back (400) with each file's reason.
   */
  void addPhoto(Context ctx, org.vsmap.geo.model.Kind kind) {
    Offices.Session s = session(ctx);
    notTooLarge(ctx, "the photos are larger than 64 MB together");
    csrf(ctx, s);
    String id = ctx.pathParam("id");
    List<org.vsmap.geo.port.Photos.Upload> uploads = new ArrayList<>();
    for (int i = 1; i <= PHOTO_SLOTS; i++) {
      UploadedFile f = ctx.uploadedFile("photo" + i);
      if (f == null || f.size() == 0) {
        continue;
      }
      try (InputStream in = f.content()) {
        uploads.add(
            new org.vsmap.geo.port.Photos.Upload(
                f.filename(),
                in.readNBytes((int) Math.min(MAX_UPLOAD, f.size())),
                ctx.formParam("alt" + i)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String path =
        (kind == org.vsmap.geo.model.Kind.STATION ? "/admin/stations/" : "/admin/activities/") + id;
    try {
      offices().addPhotos(s.account(), kind, id, uploads);
    } catch (Offices.Forbidden e) {
      throw new WebError(403, "Forbidden", e.getMessage());
    } catch (NoSuchElementException e) {
      throw WebError.notFound(e.getMessage());
    } catch (IllegalArgumentException e) {
      showEdit(ctx, s, 400, kind, id, e.getMessage());
      return;
    }
    ctx.redirect(path + "#photos", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /**
   * POST /admin/photos/upload: a ZIP of photos with their list; 200 with what was attached, or 400
   * with every problem.
   */
  void uploadPhotos(Context ctx) {
    Received file =
        received(
            ctx,
            "choose a ZIP archive with the photos and their list",
            "the archive is larger than 64 MB: split it");
    Offices.Session s = file.session();
    Offices.PhotoBatch batch;
    try {
      batch = offices().importPhotos(s.account(), file.filename(), file.bytes());
    } catch (IllegalArgumentException e) {
      throw WebError.badRequest(e.getMessage());
    }
    Map<String, Object> model = base(s);
    model.put("file", file.filename());
    model.put("batch", batch);
    ctx.status(batch.problems().isEmpty() ? 200 : 400)
        .html(views.render("admin_photos", Lang.of(ctx), model));
  }

  /** POST /admin/photos/{id}/retire: the photo leaves the public pages (kept, audited). */
  void retirePhoto(Context ctx) {
    Offices.Session s = session(ctx);
    csrf(ctx, s);
    String id = ctx.pathParam("id");
    org.vsmap.geo.port.Photos.Photo photo =
        readiness.ports().photos() == null
            ? null
            : readiness.ports().photos().photo(id).orElse(null);
    if (photo == null) {
      throw WebError.notFound("no photo with id " + id);
    }
    try {
      offices().retirePhoto(s.account(), id);
    } catch (Offices.Forbidden e) {
      throw new WebError(403, "Forbidden", e.getMessage());
    } catch (NoSuchElementException e) {
      throw WebError.notFound(e.getMessage());
    }
    ctx.redirect(
        (photo.kind() == org.vsmap.geo.model.Kind.STATION
                ? "/admin/stations/"
                : "/admin/activities/")
            + photo.subjectId()
            + "#photos",
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void showEdit(
      Context ctx,
      Offices.Session s,
      int status,
      org.vsmap.geo.model.Kind kind,
      String id,
      String photoError) {
    ctx.attribute("photoError", photoError);
    if (kind == org.vsmap.geo.model.Kind.STATION) {
      Station st =
          readiness
              .ports()
              .stations()
              .stationById(id)
              .orElseThrow(() -> WebError.notFound("no station with id " + id));
      renderEdit(ctx, s, status, "station", st.id(), st.name(), stationFields(st, null), null);
    } else {
      Activity a =
          readiness
              .ports()
              .activities()
              .activityById(id)
              .orElseThrow(() -> WebError.notFound("no activity with id " + id));
      renderEdit(ctx, s, status, "activity", a.id(), a.title(), activityFields(a, null), null);
    }
  }

  private void renderEdit(
      Context ctx,
      Offices.Session s,
      int status,
      String kind,
      String id,
      String name,
      List<Map<String, Object>> fields,
      String error) {
    Map<String, Object> model = base(s);
    if (kind.equals("station") || kind.equals("activity")) {
      org.vsmap.geo.model.Kind k =
          kind.equals("station")
              ? org.vsmap.geo.model.Kind.STATION
              : org.vsmap.geo.model.Kind.ACTIVITY;
      model.put("photos", PhotoPages.items(readiness, k, id, 100));
      model.put("photoSlots", java.util.stream.IntStream.rangeClosed(1, 2).boxed().toList());
      Object photoError = ctx.attribute("photoError");
      model.put(
          "photoError", photoError == null ? null : List.of(photoError.toString().split("\n")));
    }
    model.put("kind", kind);
    model.put(
        "kindPath",
        switch (kind) {
          case "station" -> "stations";
          case "team" -> "teams";
          case "honour" -> "honours";
          default -> "activities";
        });
    model.put(
        "publicUrl", kind.equals("honour") ? "/honours" : "/" + model.get("kindPath") + "/" + id);
    model.put("id", id);
    model.put("name", name);
    model.put("fields", fields);
    model.put("error", error);
    ctx.status(status).html(views.render("admin_edit", Lang.of(ctx), model));
  }

  private static List<Map<String, Object>> stationFields(Station s, Context posted) {
    List<Map<String, Object>> f = new ArrayList<>();
    f.add(field("name", "名称 / Name", s.name(), "text", posted));
    f.add(
        select(
            "type",
            "类型 / Type",
            s.type().name(),
            Arrays.stream(StationType.values())
                .collect(
                    LinkedHashMap::new,
                    (m, t) -> m.put(t.name(), t.zh() + " / " + t.en()),
                    Map::putAll),
            posted));
    f.add(field("region_code", "区划代码 / Region code", s.regionCode(), "text", posted));
    f.add(field("address", "地址 / Address", s.address(), "text", posted));
    f.add(
        field("lon", "经度 WGS84 / Longitude", Double.toString(s.location().lon()), "text", posted));
    f.add(field("lat", "纬度 WGS84 / Latitude", Double.toString(s.location().lat()), "text", posted));
    f.add(field("opening_hours", "开放时间 / Opening hours", s.openingHours(), "text", posted));
    f.add(
        field("services", "服务内容（；分隔） / Services", String.join("；", s.services()), "text", posted));
    f.add(field("public_contact", "办公电话 / Office phone", s.publicContact(), "text", posted));
    f.add(field("five_has", "五有（5 位 0/1） / Five-has flags", s.fiveHas().flags(), "text", posted));
    return f;
  }

  private static List<Map<String, Object>> teamFields(Team t, Context posted) {
    List<Map<String, Object>> f = new ArrayList<>();
    f.add(field("name", "名称 / Name", t.name(), "text", posted));
    f.add(
        field("supervising_unit", "主管单位 / Supervising unit", t.supervisingUnit(), "text", posted));
    f.add(
        field(
            "founded",
            "成立日期 / Founded",
            t.founded() == null ? null : t.founded().toString(),
            "date",
            posted));
    f.add(field("speciality", "专长 / Speciality", t.speciality(), "text", posted));
    f.add(
        field(
            "member_count", "队员人数 / Members", Integer.toString(t.memberCount()), "number", posted));
    return f;
  }

  private static List<Map<String, Object>> activityFields(Activity a, Context posted) {
    List<Map<String, Object>> f = new ArrayList<>();
    f.add(field("title", "标题 / Title", a.title(), "text", posted));
    f.add(field("description", "简介 / Description", a.description(), "textarea", posted));
    f.add(
        select(
            "theme",
            "主题 / Theme",
            a.theme().name(),
            Arrays.stream(Theme.values())
                .collect(
                    LinkedHashMap::new,
                    (m, t) -> m.put(t.name(), t.zh() + " / " + t.en()),
                    Map::putAll),
            posted));
    f.add(field("start", "开始 / Start", a.start().toString(), "datetime-local", posted));
    f.add(field("end", "结束 / End", a.end().toString(), "datetime-local", posted));
    f.add(
        field(
            "volunteers_wanted",
            "招募人数 / Volunteers wanted",
            Integer.toString(a.volunteersWanted()),
            "number",
            posted));
    f.add(
        field(
            "volunteers_signed_up",
            "已报名 / Signed up",
            Integer.toString(a.volunteersSignedUp()),
            "number",
            posted));
    f.add(
        field(
            "participants",
            "实际参加 / Took part",
            a.participants() == null ? null : a.participants().toString(),
            "number",
            posted));
    return f;
  }

  private static Map<String, Object> field(
      String name, String label, String value, String type, Context posted) {
    Map<String, Object> m = new HashMap<>();
    m.put("name", name);
    m.put("label", label);
    m.put("value", posted == null ? value : posted.formParam(name));
    m.put("type", type);
    return m;
  }

  private static Map<String, Object> select(
      String name, String label, String value, Map<String, String> options, Context posted) {
    Map<String, Object> m = field(name, label, value, "select", posted);
    m.put("options", options);
    return m;
  }

  // ---- audit log, contacts -------------------------------------------------------------------

  void audit(Context ctx) {
    Offices.Session s = page(ctx);
    if (s == null) {
      return;
    }
    Map<String, Object> model = base(s);
    model.put("audit", offices().audit(s.account(), 500));
    ctx.html(views.render("admin_audit", Lang.of(ctx), model));
  }

  void auditCsv(Context ctx) {
    Offices.Session s = page(ctx);
    if (s == null) {
      return;
    }
    StringBuilder out = new StringBuilder("\uFEFFseq,at,username,action,kind,record_id,detail\r\n");
    for (Offices.AuditEntry e : offices().audit(s.account(), 100_000)) {
      out.append(e.seq())
          .append(',')
          .append(e.at())
          .append(',')
          .append(csv(e.username()))
          .append(',')
          .append(csv(e.action()))
          .append(',')
          .append(e.kind() == null ? "" : e.kind().name())
          .append(',')
          .append(csv(e.recordId()))
          .append(',')
          .append(csv(e.detail()))
          .append("\r\n");
    }
    ctx.header("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
    ctx.contentType("text/csv; charset=utf-8").result(out.toString());
  }

  void contacts(Context ctx) {
    Offices.Session s = page(ctx);
    if (s == null) {
      return;
    }
    Map<String, Object> model = base(s);
    model.put("contacts", offices().contacts(s.account()));
    ctx.html(views.render("admin_contacts", Lang.of(ctx), model));
  }

  private static String csv(String v) {
    return org.vsmap.geo.format.CsvCells.text(v);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static Map<String, Object> base(Offices.Session s) {
    Map<String, Object> model = new HashMap<>();
    model.put("account", s.account());
    model.put("csrf", s.csrf());
    return model;
  }

  private static String text(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String required(Context ctx, String name) {
    String v = text(ctx, name);
    if (v == null) {
      throw new IllegalArgumentException(name + " 为必填项 / " + name + " is required");
    }
    return v;
  }

  private static double number(Context ctx, String name) {
    try {
      return Double.parseDouble(required(ctx, name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " 不是数字 / " + name + " is not a number: " + ctx.formParam(name));
    }
  }

  private static void setCookie(Context ctx, String name, String value, int maxAge) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "="
                + value
                + "; Path=/admin; Max-Age="
                + maxAge
                + "; HttpOnly; Secure; SameSite=Strict");
  }

  private static boolean same(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}

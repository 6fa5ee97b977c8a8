package org.vsmap.web.admin;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;
import org.vsmap.geo.format.ProblemsCsv;
import org.vsmap.geo.port.Offices;
import org.vsmap.web.Readiness;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.Views;

/**
 * An office's files: upload → validation report → confirm, photo archives, and publishing the
 * datasets' versions (administrators).
 */
public final class AdminUploads {
  /** The largest file an upload form takes: the import's limit (ImportLimits, 64 MB). */
  public static final long MAX_UPLOAD = 64L * 1024 * 1024;

  private final AdminAccess access;
  private final Views views;
  private final Readiness readiness;

  public AdminUploads(AdminAccess access) {
    this.access = access;
    this.views = access.views;
    this.readiness = access.readiness;
  }

  /**
   * POST /admin/publish: administrators only; the versions are written in the background (a large
   * set takes minutes).
   */
  public void publish(Context ctx) {
    Offices.Session s = access.session(ctx);
    AdminAccess.csrf(ctx, s);
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
                org.slf4j.LoggerFactory.getLogger(AdminUploads.class)
                    .error("publish asked by {} failed", s.account().username(), e);
              }
            },
            "publish");
    t.setDaemon(true);
    t.start();
    ctx.redirect("/admin?published=started", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** 413 at once, before the body is read, when the declared upload is over {@link #MAX_UPLOAD}. */
  public static void notTooLarge(Context ctx, String message) {
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
    Offices.Session s = access.session(ctx);
    notTooLarge(ctx, tooLarge);
    AdminAccess.csrf(ctx, s);
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

  public void upload(Context ctx) {
    Received file =
        received(
            ctx,
            "choose a file to upload (CSV or XLSX)",
            "the file is larger than 64 MB: split it into files of at most 64 MB and 300,000 rows / 文件超过 64 MB：请拆分为每个不超过 64 MB、30 万行的文件");
    Offices.Session s = file.session();
    Offices.Preview p;
    try {
      p =
          access
              .offices()
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
    ctx.status(p.clean() ? 200 : 400)
        .html(
            views.render(
                ctx,
                "admin/admin_preview",
                Lang.of(ctx),
                new AdminViews.PreviewPage(s.account(), s.csrf(), p)));
  }

  /**
   * GET /admin/upload/{id}/problems.csv: every problem and warning of a check this account ran in
   * the last 30 minutes (the report page shows the first of each kind), for Excel.
   */
  public void problemsCsv(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    Offices.Preview p = checked(s, ctx.pathParam("id"));
    String base = p.file().replaceFirst("\\.[^.]+$", "").replaceAll("[^\\p{L}\\p{N}_-]", "_");
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"problems.csv\"; filename*=UTF-8''"
            + java.net.URLEncoder.encode(
                    base + "-问题清单.csv", java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
    ctx.contentType("text/csv; charset=utf-8");
    ProblemsCsv.write(ctx.outputStream(), p.problems(), p.warnings());
  }

  /**
   * GET /admin/upload/{id}/changes.csv: every record confirming the check would add, change or
   * retire (the report page lists the first 50).
   */
  public void changesCsv(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    Offices.Preview p = checked(s, ctx.pathParam("id"));
    ctx.header("Content-Disposition", "attachment; filename=\"changes.csv\"");
    ctx.contentType("text/csv; charset=utf-8");
    org.vsmap.geo.format.CsvWriter w =
        org.vsmap.geo.format.CsvWriter.forSpreadsheets(ctx.outputStream());
    w.row("操作 change", "类型 kind", "编号 id", "名称 name");
    for (Offices.ChangedRecord r : p.written()) {
      w.row(r.actionZh() + " " + r.action(), r.kind().zh() + " " + r.kind().en(), r.id(), r.name());
    }
    w.flush();
  }

  private Offices.Preview checked(Offices.Session s, String id) {
    return access
        .offices()
        .checked(s.account(), id)
        .orElseThrow(
            () ->
                new WebError(
                    404,
                    "Not Found",
                    "no check with this number for this account: reports are kept for 30 minutes"));
  }

  public void confirm(Context ctx) {
    Offices.Session s = access.session(ctx);
    AdminAccess.csrf(ctx, s);
    List<Offices.Change> changes;
    try {
      changes = access.offices().confirm(s.account(), ctx.pathParam("id"));
    } catch (NoSuchElementException e) {
      throw new WebError(409, "Conflict", e.getMessage());
    }
    ctx.html(
        views.render(
            ctx,
            "admin/admin_done",
            Lang.of(ctx),
            new AdminViews.DonePage(s.account(), s.csrf(), changes)));
  }

  /**
   * POST /admin/photos/upload: a ZIP of photos with their list; 200 with what was attached, or 400
   * with every problem.
   */
  public void uploadPhotos(Context ctx) {
    Received file =
        received(
            ctx,
            "choose a ZIP archive with the photos and their list",
            "the archive is larger than 64 MB: split it");
    Offices.Session s = file.session();
    Offices.PhotoBatch batch;
    try {
      batch = access.offices().importPhotos(s.account(), file.filename(), file.bytes());
    } catch (IllegalArgumentException e) {
      throw WebError.badRequest(e.getMessage());
    }
    ctx.status(batch.problems().isEmpty() ? 200 : 400)
        .html(
            views.render(
                ctx,
                "admin/admin_photos",
                Lang.of(ctx),
                new AdminViews.PhotosPage(s.account(), s.csrf(), file.filename(), batch)));
  }
}

package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The admin pages over HTTP against the packaged jar, as an office uses them: accounts made with
 * the CLI, sign-in with CSRF and lockout, upload → report → confirm, edits inside and outside the
 * office's region, the audit log and the restricted contacts.
 */
@Tag("integration")
class AdminIT {
  static final String PASSWORD = "correct horse battery";
  static Path data;
  static RunningPortal portal;

  @BeforeAll
  static void start() throws Exception {
    data = Files.createTempDirectory("vsmap-admin-").resolve("data");
    try (RunningPortal first = RunningPortal.start(data)) {
      assertThat(first.get("/health").statusCode()).isEqualTo(200);
    }
    assertThat(cli("account", "add", "dongsheng", "--role", "office", "--region", "150602").out())
        .contains("account dongsheng created");
    assertThat(cli("account", "add", "kangbashi", "--role", "office", "--region", "150603").exit())
        .isZero();
    assertThat(cli("account", "add", "lockme", "--role", "office", "--region", "150603").exit())
        .isZero();
    assertThat(cli("account", "add", "cityadmin", "--role", "admin").exit()).isZero();
    assertThat(cli("account", "add", "twostep", "--role", "admin").exit()).isZero();
    RunningPortal.Outcome dup =
        cli("account", "add", "dongsheng", "--role", "office", "--region", "150602");
    assertThat(dup.exit()).isEqualTo(2);
    assertThat(dup.out()).contains("exists already");
    RunningPortal.Outcome weak =
        cli(
            "account",
            "add",
            "weak",
            "--role",
            "office",
            "--region",
            "150602",
            "--password-file",
            Files.writeString(data.getParent().resolve("pw"), "short\n").toString());
    assertThat(weak.out()).contains("at least 12 characters");
    portal = RunningPortal.start(data);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.close();
  }

  static RunningPortal.Outcome cli(String... args) throws Exception {
    return cli(data, args);
  }

  /** Runs the jar's CLI on a data directory, with the test password in the environment. */
  static RunningPortal.Outcome cli(Path data, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data-dir", data.toString()));
    return RunningPortal.cli(Map.of("VSMAP_NEW_PASSWORD", PASSWORD), all.toArray(String[]::new));
  }

  /** A browser-like client: keeps its cookies, does not follow redirects. */
  static final class Office {
    final HttpClient http =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<String, String> cookies = new HashMap<>();
    final RunningPortal at;
    String csrf;

    Office() {
      this(portal);
    }

    /** A client of another portal (another node). */
    Office(RunningPortal at) {
      this.at = at;
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
      if (!cookies.isEmpty()) {
        b.header(
            "Cookie",
            String.join(
                "; ",
                cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
      }
      HttpResponse<String> r =
          http.send(
              b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      for (String c : r.headers().allValues("set-cookie")) {
        String[] kv = c.split(";", 2)[0].split("=", 2);
        if (kv[1].isEmpty()) {
          cookies.remove(kv[0]);
        } else {
          cookies.put(kv[0], kv[1]);
        }
      }
      Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return r;
    }

    HttpResponse<String> get(String path) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(at.url(path))));
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
      String body =
          String.join(
              "&",
              form.entrySet().stream()
                  .map(
                      e ->
                          e.getKey()
                              + "="
                              + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                  .toList());
      return send(
          HttpRequest.newBuilder(URI.create(at.url(path)))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> upload(String kind, String crs, String filename, byte[] file)
        throws Exception {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("csrf", csrf);
      fields.put("kind", kind);
      fields.put("crs", crs);
      return multipart("/admin/upload", fields, Map.of("file", Map.entry(filename, file)));
    }

    /** A multipart form: fields, then files by field name as (file name, bytes). */
    HttpResponse<String> multipart(
        String path, Map<String, String> fields, Map<String, Map.Entry<String, byte[]>> files)
        throws Exception {
      String boundary = "----vsmap" + System.nanoTime();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (Map.Entry<String, String> f : fields.entrySet()) {
        out.writeBytes(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + f.getKey()
                    + "\"\r\n\r\n"
                    + f.getValue()
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      for (Map.Entry<String, Map.Entry<String, byte[]>> f :
          new java.util.TreeMap<>(files).entrySet()) {
        out.writeBytes(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + f.getKey()
                    + "\"; filename=\""
                    + f.getValue().getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(f.getValue().getValue());
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return send(
          HttpRequest.newBuilder(URI.create(at.url(path)))
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** The cookies as a Cookie header, for requests sent over a raw socket. */
    String cookieHeader() {
      return String.join(
          "; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    Office signIn(String user, String password) throws Exception {
      get("/admin/login");
      HttpResponse<String> r =
          post("/admin/login", Map.of("csrf", csrf, "username", user, "password", password));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
      get("/admin");
      return this;
    }
  }

  @Test
  void signInNeedsTheFormsTokenAndTheRightPasswordAndHoldsBackGuessesWithoutLockingAnyone()
      throws Exception {
    Office o = new Office();
    HttpResponse<String> home = o.get("/admin");
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("location")).hasValue("/admin/login");
    HttpResponse<String> form = o.get("/admin/login");
    assertThat(form.headers().firstValue("cache-control")).hasValue("no-store");
    assertThat(
            o.post("/admin/login", Map.of("username", "dongsheng", "password", PASSWORD))
                .statusCode())
        .as("no CSRF token")
        .isEqualTo(403);
    o.get("/admin/login");
    assertThat(
            o.post(
                    "/admin/login",
                    Map.of("csrf", o.csrf, "username", "dongsheng", "password", "wrong password!!"))
                .statusCode())
        .isEqualTo(401);
    o.get("/admin/login");
    HttpResponse<String> ok =
        o.post(
            "/admin/login", Map.of("csrf", o.csrf, "username", "dongsheng", "password", PASSWORD));
    assertThat(ok.statusCode()).isEqualTo(302);
    String cookie =
        ok.headers().allValues("set-cookie").stream()
            .filter(c -> c.startsWith("vsmap_session="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("Secure").contains("SameSite=Strict");
    assertThat(o.get("/admin").body()).contains("dongsheng").contains("上传资料");

    // a stranger's guesses hold the name back (for addresses it never signed in from) but lock
    // nothing, and a name that does not exist is answered exactly the same
    for (String name : List.of("lockme", "no-such-office")) {
      Office attacker = new Office();
      for (int i = 0; i < 6; i++) {
        attacker.get("/admin/login");
        assertThat(
                attacker
                    .post(
                        "/admin/login",
                        Map.of("csrf", attacker.csrf, "username", name, "password", "guess " + i))
                    .statusCode())
            .as("%s: wrong password %d", name, i + 1)
            .isEqualTo(401);
      }
      attacker.get("/admin/login");
      HttpResponse<String> held =
          attacker.post(
              "/admin/login",
              Map.of("csrf", attacker.csrf, "username", name, "password", PASSWORD));
      assertThat(held.statusCode())
          .as("%s: held back, even the right password", name)
          .isEqualTo(429);
      assertThat(held.headers().firstValue("retry-after")).as(name).isPresent();
      assertThat(held.body()).as(name).contains("Too many attempts: try again in");
    }
    assertThat(new Office().signIn("dongsheng", PASSWORD))
        .as("an office signs in from its usual address whatever strangers try")
        .isNotNull();

    HttpResponse<String> out = o.post("/admin/logout", Map.of("csrf", o.csrf));
    assertThat(out.statusCode()).isEqualTo(302);
    o.cookies.put("vsmap_session", cookie.split(";")[0].split("=", 2)[1]);
    assertThat(o.get("/admin").statusCode()).as("the old cookie no longer works").isEqualTo(302);
  }

  /**
   * Every write endpoint, tried as a stranger (no session), as a forger (a session but not the
   * form's token: what a cross-site form would send) and as an office outside the record's region:
   * 401, 403, 403 — and nothing changes.
   */
  @Test
  void everyWriteRefusesStrangersForgersAndOtherRegions() throws Exception {
    String team = firstId("team", "150603");
    String activity = firstId("activity", "150603");
    List<String> writes =
        List.of(
            "/admin/logout",
            "/admin/publish",
            "/admin/upload/0123456789abcdef/confirm",
            "/admin/stations/st-150603-library",
            "/admin/teams/" + team,
            "/admin/activities/" + activity);
    Office stranger = new Office();
    for (String path : writes) {
      assertThat(stranger.post(path, Map.of("csrf", "x", "name", "陌生人改名")).statusCode())
          .as("no session: %s", path)
          .isEqualTo(401);
    }
    assertThat(
            stranger
                .upload(
                    "station", "wgs84", "s.csv", "站点名称\n陌生人站\n".getBytes(StandardCharsets.UTF_8))
                .statusCode())
        .as("upload without a session")
        .isEqualTo(401);
    Office kbs = new Office().signIn("kangbashi", PASSWORD);
    String token = kbs.csrf;
    for (String path : writes) {
      assertThat(kbs.post(path, Map.of("name", "伪造表单改名")).statusCode())
          .as("no token: %s", path)
          .isEqualTo(403);
      assertThat(kbs.post(path, Map.of("csrf", token + "x", "name", "伪造表单改名")).statusCode())
          .as("wrong token: %s", path)
          .isEqualTo(403);
    }
    Office other = new Office().signIn("dongsheng", PASSWORD);
    assertThat(
            kbs.post(
                    "/admin/stations/st-150603-library",
                    Map.of("csrf", other.csrf, "name", "伪造表单改名"))
                .statusCode())
        .as("another session's token")
        .isEqualTo(403);
    kbs.csrf = "forged";
    assertThat(
            kbs.upload("station", "wgs84", "s.csv", "站点名称\n伪造站\n".getBytes(StandardCharsets.UTF_8))
                .statusCode())
        .as("upload with a forged token")
        .isEqualTo(403);
    for (String path : writes.subList(3, writes.size())) {
      Map<String, String> form =
          new java.util.HashMap<>(Map.of("csrf", other.csrf, "name", "越权改名"));
      assertThat(other.post(path, form).statusCode())
          .as("outside the office's region: %s", path)
          .isEqualTo(403);
      assertThat(other.get(path).statusCode()).as("its edit form: %s", path).isEqualTo(403);
    }
    for (String name : List.of("陌生人", "伪造", "越权")) {
      assertThat(searchTotal(name)).as("nothing changed: %s", name).isZero();
    }
    assertThat(kbs.get("/admin").statusCode())
        .as("the forger's session still works for its owner")
        .isEqualTo(200);
  }

  /**
   * A session id planted before sign-in (fixation) is never the one signed in: sign-in always makes
   * a new one.
   */
  @Test
  void signingInNeverAdoptsAPlantedSession() throws Exception {
    Office victim = new Office();
    victim.cookies.put("vsmap_session", "planted-by-an-attacker-0123456789");
    victim.get("/admin/login");
    assertThat(
            victim
                .post(
                    "/admin/login",
                    Map.of("csrf", victim.csrf, "username", "dongsheng", "password", PASSWORD))
                .statusCode())
        .isEqualTo(302);
    String session = victim.cookies.get("vsmap_session");
    assertThat(session)
        .isNotEqualTo("planted-by-an-attacker-0123456789")
        .hasSizeGreaterThanOrEqualTo(32);
    assertThat(victim.get("/admin").statusCode()).isEqualTo(200);
    Office attacker = new Office();
    attacker.cookies.put("vsmap_session", "planted-by-an-attacker-0123456789");
    assertThat(attacker.get("/admin").statusCode())
        .as("the planted id signs no one in")
        .isEqualTo(302);
  }

  private static String firstId(String kind, String region) throws Exception {
    com.fasterxml.jackson.databind.JsonNode r =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(portal.get("/api/search?limit=1&kind=" + kind + "&region=" + region).body());
    return r.path("hits").path(0).path("id").asText();
  }

  @Test
  void anOfficeUploadsAReportChecksItAndConfirmsIt() throws Exception {
    Office o = new Office().signIn("dongsheng", PASSWORD);
    byte[] form = Files.readAllBytes(OfficeDataIT.SAMPLES.resolve("情况表-东胜区蓝天救援-样例.xlsx"));
    HttpResponse<String> preview = o.upload("report", "", "情况表.xlsx", form);
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    assertThat(preview.body()).contains("将要做的修改").contains("确认写入").doesNotContain("王晓测");
    // which records, not only how many: the new team by name, and the whole list as CSV
    assertThat(preview.body())
        .contains("将要写入的记录")
        .containsPattern(
            "<td>新增 <span lang=\"en\">create</span></td><td>队伍</td><td>东胜区蓝天救援志愿服务队</td>");
    String changes = matcher("href=\"(/admin/upload/[^\"]+/changes\\.csv)\"", preview.body());
    assertThat(o.get(changes).body()).contains("新增 CREATE,队伍 Team,").contains("东胜区蓝天救援志愿服务队");
    String confirmUrl = matcher("action=\"(/admin/upload/[^\"]+/confirm)\"", preview.body());
    assertThat(o.post(confirmUrl, Map.of()).statusCode())
        .as("confirm without the CSRF token")
        .isEqualTo(403);
    assertThat(searchTotal("蓝天救援")).as("nothing written before confirming").isZero();
    HttpResponse<String> done = o.post(confirmUrl, Map.of("csrf", o.csrf));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("已写入");
    assertThat(o.post(confirmUrl, Map.of("csrf", o.csrf)).statusCode())
        .as("a preview is applied once")
        .isEqualTo(409);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (searchTotal("蓝天救援") == 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(searchTotal("蓝天救援")).as("the new team is searchable").isEqualTo(1);
    // the owning office sees the contact persons; another office does not
    assertThat(o.get("/admin/contacts").body())
        .contains("王晓测")
        .contains("13912345678")
        .as("the record by its name and its place by name, not ids and codes")
        .contains(">东胜区蓝天救援志愿服务队</a>")
        .contains("<td>东胜区</td>");
    Office other = new Office().signIn("kangbashi", PASSWORD);
    assertThat(other.get("/admin/contacts").body())
        .doesNotContain("王晓测")
        .doesNotContain("13912345678");
    // the audit log names who did it, as a page and as a CSV file
    assertThat(o.get("/admin/audit").body()).contains("dongsheng").contains("CREATE");
    HttpResponse<String> csv = o.get("/admin/audit.csv");
    assertThat(csv.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("\uFEFFseq,at,username,action,kind,record_id,detail");
    assertThat(lines).anyMatch(l -> l.contains(",dongsheng,CREATE,TEAM,tm-150602-"));
    // no personal data, no password in the portal's log
    String log = portal.output();
    assertThat(log).doesNotContain("王晓测").doesNotContain("13912345678").doesNotContain(PASSWORD);
    assertThat(java.util.regex.Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)").matcher(log).find())
        .as("a mobile number in the log")
        .isFalse();
  }

  @Test
  void badFilesGetAReportOrAClearRefusalAndChangeNothing() throws Exception {
    Office o = new Office().signIn("dongsheng", PASSWORD);
    String bad = "类别,志愿服务组织名称,活动内容,日期及时间,志愿者参加人数\n街道,交通街道志愿服务总队,巡逻,2026年13月40日,-3\n";
    HttpResponse<String> report =
        o.upload("report", "", "bad.csv", bad.getBytes(StandardCharsets.UTF_8));
    assertThat(report.statusCode()).isEqualTo(400);
    assertThat(report.body())
        .contains("日期不存在")
        .contains("人数不能为负数")
        .contains("<td>2</td>")
        .doesNotContain("确认写入");
    HttpResponse<String> junk =
        o.upload("report", "", "junk.csv", new byte[] {0, 1, 2, (byte) 0xff, 0, 7});
    assertThat(junk.statusCode()).isEqualTo(400);
    assertThat(junk.body()).contains("binary");
    String formula = "站点名称,行政区划代码,经度,纬度\n=cmd|' /C calc'!A0,150602,109.95,39.82\n";
    HttpResponse<String> f =
        o.upload("station", "wgs84", "formula.csv", formula.getBytes(StandardCharsets.UTF_8));
    assertThat(f.statusCode()).isEqualTo(400);
    assertThat(f.body()).contains("不接受公式");
    String elsewhere = "站点名称,行政区划代码,经度,纬度\n康巴什驿站,150603,109.79,39.61\n";
    HttpResponse<String> scope =
        o.upload("station", "wgs84", "elsewhere.csv", elsewhere.getBytes(StandardCharsets.UTF_8));
    assertThat(scope.statusCode()).isEqualTo(400);
    assertThat(scope.body()).contains("outside this account&#39;s region 150602");
    assertThat(searchTotal("康巴什驿站")).isZero();
    // a 100 MB upload, sent as a browser does: the server answers 413 from the headers, without
    // reading 100 MB
    String cookie = o.cookieHeader();
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", portal.port)) {
      socket.setSoTimeout(30_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /admin/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: "
                  + cookie
                  + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: "
                  + (100L * 1024 * 1024)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 16];
      java.util.Arrays.fill(chunk, (byte) 'a');
      try {
        for (int i = 0; i < 16; i++) {
          out.write(chunk); // the first megabyte; the answer must not wait for the rest
        }
        out.flush();
      } catch (IOException closedEarly) {
        // the server may already have answered and closed
      }
      String status =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      assertThat(status).isEqualTo("HTTP/1.1 413 Payload Too Large");
    }
    assertThat(portal.get("/health").statusCode())
        .as("still healthy after a 100 MB upload")
        .isEqualTo(200);
  }

  /**
   * A chunked upload (no Content-Length: the size is known only while reading) past the 64 MB limit
   * is 413, not 500; and a file with many mistakes gets a report of the first 20 of each kind with
   * the count of the rest, the whole list as a CSV file only its uploader can fetch.
   */
  @Test
  void aChunkedUploadPastTheLimitIs413AndALongReportIsCappedWithTheWholeListAsCsv()
      throws Exception {
    Office o = new Office().signIn("dongsheng", PASSWORD);
    String cookie = o.cookieHeader();
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", portal.port)) {
      socket.setSoTimeout(60_000);
      java.io.OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream());
      out.write(
          ("POST /admin/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: "
                  + cookie
                  + "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      byte[] head =
          ("--x\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
                  + o.csrf
                  + "\r\n--x\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nstation\r\n"
                  + "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                  + "Content-Type: text/csv\r\n\r\n站点名称,行政区划代码\n")
              .getBytes(StandardCharsets.UTF_8);
      byte[] rows = "测试站点,150602\n".repeat(4096).getBytes(StandardCharsets.UTF_8);
      try {
        chunk(out, head);
        for (long sent = 0; sent < 70L * 1024 * 1024; sent += rows.length) {
          chunk(out, rows);
        }
        chunk(out, "\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8));
        out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException closedEarly) {
        // the server may answer and close once the limit is passed
      }
      String status =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      assertThat(status).isEqualTo("HTTP/1.1 413 Payload Too Large");
    }
    assertThat(portal.get("/health").statusCode()).isEqualTo(200);
    assertThat(searchTotal("测试站点")).isZero();

    StringBuilder bad = new StringBuilder("站点名称,行政区划代码,经度,纬度\n");
    for (int i = 0; i < 100; i++) {
      bad.append("坐标错站").append(i).append(",150602,abc,39.8\n");
    }
    for (int i = 0; i < 30; i++) {
      bad.append("重复站,150602,109.95,39.8\n");
    }
    HttpResponse<String> report =
        o.upload("station", "wgs84", "many.csv", bad.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(report.statusCode()).isEqualTo(400);
    assertThat(report.body())
        .contains("发现 129 个问题")
        .contains("另有 80 处同类问题未列出")
        .contains("另有 9 处同类问题未列出")
        // bad coordinates on lines 2–101: 2–21 shown; duplicates on 103–131: 103–122 shown
        .contains("<td>21</td>")
        .doesNotContain("<td>22</td>")
        .contains("<td>122</td>")
        .doesNotContain("<td>123</td>");
    Matcher link = Pattern.compile("/admin/upload/([^/\"]+)/problems\\.csv").matcher(report.body());
    assertThat(link.find()).isTrue();
    HttpResponse<String> csv = o.get(link.group());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("content-type")).hasValue("text/csv; charset=utf-8");
    assertThat(csv.body().lines().filter(l -> l.startsWith("问题 problem")).count()).isEqualTo(129);
    assertThat(csv.body()).contains("many.csv,101,").contains("many.csv,131,");
    assertThat(new Office().signIn("kangbashi", PASSWORD).get(link.group()).statusCode())
        .as("another office's report")
        .isEqualTo(404);
  }

  /**
   * An administrator turns on the second factor with the app's code; from then on the right
   * password alone does not sign in: the code does, once.
   */
  @Test
  void anAdministratorTurnsOnASecondFactorAndThenSignsInWithPasswordAndCode() throws Exception {
    Office admin = new Office().signIn("twostep", PASSWORD);
    HttpResponse<String> page = admin.get("/admin/second-factor");
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("name=\"secret\" value=\"([A-Z2-7]{32})\"").matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    String secret = m.group(1);
    assertThat(page.body()).contains("<svg").contains(secret);
    HttpResponse<String> wrong =
        admin.post(
            "/admin/second-factor/on",
            Map.of("csrf", admin.csrf, "secret", secret, "code", "000000"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    java.time.Instant now = java.time.Instant.now();
    String code = org.vsmap.pipeline.admin.SecondFactor.code(secret, now);
    HttpResponse<String> on =
        admin.post(
            "/admin/second-factor/on", Map.of("csrf", admin.csrf, "secret", secret, "code", code));
    assertThat(on.statusCode()).as(on.body()).isEqualTo(303);
    assertThat(admin.get("/admin/second-factor").body()).contains("已开启");

    Office again = new Office();
    again.get("/admin/login");
    HttpResponse<String> password =
        again.post(
            "/admin/login",
            Map.of("csrf", again.csrf, "username", "twostep", "password", PASSWORD));
    assertThat(password.statusCode()).as("the password alone: the code form").isEqualTo(200);
    assertThat(password.body()).contains("action=\"/admin/login/code\"");
    assertThat(again.cookies).doesNotContainKey("vsmap_session");
    assertThat(again.get("/admin").statusCode()).as("not signed in yet").isEqualTo(302);
    HttpResponse<String> used =
        again.post("/admin/login/code", Map.of("csrf", again.csrf, "code", code));
    assertThat(used.statusCode()).as("the code that turned it on is used up").isEqualTo(401);
    String next = org.vsmap.pipeline.admin.SecondFactor.code(secret, now.plusSeconds(30));
    HttpResponse<String> in =
        again.post("/admin/login/code", Map.of("csrf", again.csrf, "code", next));
    assertThat(in.statusCode()).as(in.body()).isEqualTo(302);
    assertThat(again.get("/admin").body()).contains("twostep");
    assertThat(
            new Office().post("/admin/login/code", Map.of("csrf", "x", "code", next)).statusCode())
        .as("a code without the password step")
        .isEqualTo(403);
    assertThat(admin.get("/admin/audit").body()).contains("SECOND_FACTOR_ON");
  }

  /**
   * Administrators manage accounts while the portal runs: create (the password rules, a known
   * region, a free name), disable (its session ends, it cannot sign in), enable, a new password;
   * offices cannot; every change audited.
   */
  @Test
  void anAdministratorCreatesDisablesEnablesAndResetsAccountsInAdmin() throws Exception {
    Office admin = new Office().signIn("cityadmin", PASSWORD);
    HttpResponse<String> page = admin.get("/admin/accounts");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("dongsheng").contains("东胜区").contains("新建账号");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", admin.csrf);
    form.put("username", "wulanmulun");
    form.put("role", "office");
    form.put("region", "150603");
    form.put("password", "short");
    HttpResponse<String> weak = admin.post("/admin/accounts", form);
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("at least 12 characters");
    form.put("password", PASSWORD);
    form.put("region", "999999");
    assertThat(admin.post("/admin/accounts", form).body()).contains("unknown region code 999999");
    form.put("region", "150603");
    assertThat(admin.post("/admin/accounts", form).statusCode()).isEqualTo(303);
    assertThat(admin.post("/admin/accounts", form).body()).contains("exists already");

    Office created = new Office().signIn("wulanmulun", PASSWORD);
    assertThat(created.get("/admin").body()).contains("wulanmulun");
    assertThat(created.get("/admin/accounts").statusCode()).as("an office").isEqualTo(403);
    assertThat(
            admin
                .post(
                    "/admin/accounts/wulanmulun/disabled",
                    Map.of("csrf", admin.csrf, "disabled", "on"))
                .statusCode())
        .isEqualTo(303);
    assertThat(created.get("/admin").statusCode()).as("its session ended").isEqualTo(302);
    Office again = new Office();
    again.get("/admin/login");
    assertThat(
            again
                .post(
                    "/admin/login",
                    Map.of("csrf", again.csrf, "username", "wulanmulun", "password", PASSWORD))
                .statusCode())
        .as("a disabled account, right password")
        .isEqualTo(401);
    assertThat(
            admin
                .post("/admin/accounts/wulanmulun/disabled", Map.of("csrf", admin.csrf))
                .statusCode())
        .isEqualTo(303);
    String next = "another long passphrase 42";
    assertThat(
            admin
                .post(
                    "/admin/accounts/wulanmulun/password",
                    Map.of("csrf", admin.csrf, "password", next))
                .statusCode())
        .isEqualTo(303);
    assertThat(new Office().signIn("wulanmulun", next).get("/admin").body()).contains("wulanmulun");
    assertThat(
            admin
                .post(
                    "/admin/accounts/cityadmin/disabled",
                    Map.of("csrf", admin.csrf, "disabled", "on"))
                .body())
        .contains("cannot disable their own account");
    Office office = new Office().signIn("dongsheng", PASSWORD);
    Map<String, String> sneaky = new LinkedHashMap<>(form);
    sneaky.put("csrf", office.csrf);
    sneaky.put("username", "sneaky");
    assertThat(office.post("/admin/accounts", sneaky).statusCode()).isEqualTo(403);
    assertThat(admin.get("/admin/audit").body())
        .contains("created wulanmulun OFFICE 150603")
        .contains("disabled wulanmulun")
        .contains("new password for wulanmulun");
  }

  /** An account command while the portal has the embedded database open: one clear line. */
  @Test
  void theCommandLineSaysToStopThePortalFirstInOneLine() throws Exception {
    RunningPortal.Outcome o = cli("account", "list");
    assertThat(o.exit()).isNotZero();
    assertThat(o.out().strip())
        .isEqualTo("vsmap: error: " + org.vsmap.pipeline.store.Database.IN_USE);
  }

  private static void chunk(java.io.OutputStream out, byte[] bytes) throws IOException {
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Publishing a version is for administrators; after an edit it makes a version that counts the
   * change.
   */
  @Test
  void onlyAnAdministratorPublishesAndTheNewVersionCountsTheEdit() throws Exception {
    assertThat(new Office().post("/admin/publish", Map.of("csrf", "x")).statusCode())
        .isEqualTo(401);
    Office office = new Office().signIn("kangbashi", PASSWORD);
    assertThat(office.get("/admin").body()).doesNotContain("/admin/publish");
    assertThat(office.post("/admin/publish", Map.of("csrf", office.csrf)).statusCode())
        .isEqualTo(403);

    Office admin = new Office().signIn("cityadmin", PASSWORD);
    assertThat(admin.get("/admin").body()).contains("action=\"/admin/publish\"");
    assertThat(admin.post("/admin/publish", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
    // the first versions (published when the portal first started) are there, or come with this
    // publish
    assertThat(admin.post("/admin/publish", Map.of("csrf", admin.csrf)).statusCode())
        .isEqualTo(303);
    SnapshotsIT.awaitFirstVersions(portal);
    int before = SnapshotsIT.versions(portal, "stations").size();

    HttpResponse<String> edit = admin.get("/admin/stations/st-150625-hall");
    Map<String, String> form = formValues(edit.body());
    form.put("csrf", admin.csrf);
    form.put("opening_hours", "周一至周日 8:00-20:00（发布测试）");
    assertThat(admin.post("/admin/stations/st-150625-hall", form).statusCode()).isEqualTo(302);
    HttpResponse<String> started = admin.post("/admin/publish", Map.of("csrf", admin.csrf));
    assertThat(started.statusCode()).isEqualTo(303);
    assertThat(started.headers().firstValue("location")).hasValue("/admin?published=started");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (SnapshotsIT.versions(portal, "stations").size() == before) {
      assertThat(System.nanoTime()).as("a new stations version").isLessThan(deadline);
      Thread.sleep(250);
    }
    com.fasterxml.jackson.databind.JsonNode newest =
        SnapshotsIT.versions(portal, "stations").get(0);
    assertThat(newest.get("updated").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(newest.get("added").asLong() + newest.get("retired").asLong()).isZero();
  }

  /**
   * A station moved in the admin pages is in the next vector tile at its new place and gone from
   * the old one (the index follows within a second).
   */
  @Test
  void anEditShowsInTheNextTile() throws Exception {
    Office admin = new Office().signIn("cityadmin", PASSWORD);
    String id = "st-150621-library";
    int[] before = TilesIT.tileOf(110.005489, 40.414889, 16);
    int[] after = TilesIT.tileOf(110.10, 40.30, 16);
    assertThat(before).isNotEqualTo(after);
    assertThat(tileIds(before)).contains(id);
    assertThat(tileIds(after)).doesNotContain(id);
    Map<String, String> form = formValues(admin.get("/admin/stations/" + id).body());
    form.put("csrf", admin.csrf);
    form.put("lon", "110.10");
    form.put("lat", "40.30");
    assertThat(admin.post("/admin/stations/" + id, form).statusCode()).isEqualTo(302);
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (!tileIds(after).contains(id)) {
      assertThat(System.nanoTime()).as("the moved station in its new tile").isLessThan(deadline);
      Thread.sleep(100);
    }
    assertThat(tileIds(before)).doesNotContain(id);
  }

  /** The ids of the single stations in a z16 tile, read through the MVT protobuf schema. */
  static java.util.Set<String> tileIds(int[] t) throws Exception {
    byte[] mvt =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            portal.url(
                                "/tiles/stations/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt")))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray())
            .body();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (var layer :
        io.github.sebasbaumh.mapbox.vectortile.VectorTile.Tile.parseFrom(mvt).getLayersList()) {
      int key = layer.getKeysList().indexOf("id");
      for (var f : layer.getFeaturesList()) {
        for (int i = 0; i + 1 < f.getTagsCount(); i += 2) {
          if (f.getTags(i) == key) {
            ids.add(layer.getValues(f.getTags(i + 1)).getStringValue());
          }
        }
      }
    }
    return ids;
  }

  @Test
  void anOfficeEditsItsOwnRecordsButGets403ForAnotherRegionsAndNothingChanges() throws Exception {
    Office o = new Office().signIn("dongsheng", PASSWORD);
    HttpResponse<String> edit = o.get("/admin/stations/st-150602-library");
    assertThat(edit.statusCode()).isEqualTo(200);
    Map<String, String> form = formValues(edit.body());
    form.put("csrf", o.csrf);
    form.put("opening_hours", "每天 9:00-20:00（冬季）");
    HttpResponse<String> saved = o.post("/admin/stations/st-150602-library", form);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(portal.get("/stations/st-150602-library").body()).contains("每天 9:00-20:00（冬季）");

    form.put("lon", "2.35");
    HttpResponse<String> invalid = o.post("/admin/stations/st-150602-library", form);
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("outside China");

    String foreign = "st-150603-hall";
    String before = portal.get("/stations/" + foreign).body();
    assertThat(o.get("/admin/stations/" + foreign).statusCode()).isEqualTo(403);
    Map<String, String> hostile = new HashMap<>(form);
    hostile.put("lon", "109.78");
    hostile.put("lat", "39.60");
    hostile.put("region_code", "150603");
    hostile.put("name", "被篡改的站点");
    assertThat(o.post("/admin/stations/" + foreign, hostile).statusCode()).isEqualTo(403);
    assertThat(portal.get("/stations/" + foreign).body()).isEqualTo(before);
    // nor may it move its own station into another region
    Map<String, String> move = formValues(o.get("/admin/stations/st-150602-library").body());
    move.put("csrf", o.csrf);
    move.put("region_code", "150603");
    assertThat(o.post("/admin/stations/st-150602-library", move).statusCode()).isEqualTo(403);
    assertThat(portal.get("/stations/st-150602-library").body()).contains("东胜区");
    assertThat(o.get("/admin/audit").body()).contains("DENIED");

    HttpResponse<String> team = o.get("/admin/teams/tm-150602");
    Map<String, String> t = formValues(team.body());
    t.put("csrf", o.csrf);
    t.put("member_count", "-4");
    assertThat(o.post("/admin/teams/tm-150602", t).statusCode()).isEqualTo(400);
    t.put("member_count", "70");
    assertThat(o.post("/admin/teams/tm-150602", t).statusCode()).isEqualTo(302);

    String activity = ACTIVITY_IN_DONGSHENG;
    Map<String, String> a = formValues(o.get("/admin/activities/" + activity).body());
    a.put("csrf", o.csrf);
    a.put(
        "description",
        matcher(
            "<textarea id=\"f-description\" name=\"description\" rows=\"5\">([^<]*)</textarea>",
            o.get("/admin/activities/" + activity).body()));
    String start = a.get("start");
    a.put("end", start);
    HttpResponse<String> backwards = o.post("/admin/activities/" + activity, a);
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("ends before it starts");
    a.put("end", java.time.LocalDateTime.parse(start).plusHours(3).toString());
    a.put("title", "<b>改期后的活动</b>");
    assertThat(o.post("/admin/activities/" + activity, a).statusCode()).isEqualTo(302);
    String page = portal.get("/activities/" + activity).body();
    assertThat(page)
        .as("escaped on the public page")
        .contains("&lt;b&gt;改期后的活动&lt;/b&gt;")
        .doesNotContain("<b>改期后的活动</b>");
  }

  /** A demo activity of 东胜区 (150602), the office's own region. */
  static final String ACTIVITY_IN_DONGSHENG = firstActivityIn("150602");

  static String firstActivityIn(String region) {
    try {
      return Files.readAllLines(
              Path.of("..", "seeds", "demo", "activities.csv"), StandardCharsets.UTF_8)
          .stream()
          .skip(1)
          .map(l -> l.split(","))
          .filter(f -> f.length > 6 && f[6].startsWith(region))
          .map(f -> f[0])
          .findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Map<String, String> formValues(String html) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher input =
        Pattern.compile(
                "<input id=\"f-[^\"]+\" name=\"([^\"]+)\" type=\"[^\"]+\" value=\"([^\"]*)\"")
            .matcher(html);
    while (input.find()) {
      out.put(input.group(1), unescape(input.group(2)));
    }
    Matcher select =
        Pattern.compile(
                "<select id=\"f-[^\"]+\" name=\"([^\"]+)\">.*?<option value=\"([^\"]+)\" selected",
                Pattern.DOTALL)
            .matcher(html);
    while (select.find()) {
      out.put(select.group(1), select.group(2));
    }
    return out;
  }

  static String unescape(String s) {
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  static String matcher(String regex, String body) {
    Matcher m = Pattern.compile(regex).matcher(body);
    assertThat(m.find()).as(regex).isTrue();
    return m.group(1);
  }

  static int searchTotal(String q) throws Exception {
    JsonNode r =
        new ObjectMapper()
            .readTree(
                portal.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body());
    return r.get("total").asInt();
  }
}

package org.vsmap.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Issue 20's load test: sign-in hammered from many addresses while residents search.
 *
 * <ol>
 *   <li>the office signs in once from its usual address (127.0.0.1), as it does every week;
 *   <li>search alone: {@code SEARCHERS} residents searching back to back for {@code SECONDS};
 *   <li>the same search while {@code ATTACKERS} connections post wrong passwords, each attempt from
 *       the next of 4,096 loopback addresses (127.1.x.y; Linux answers for all of 127/8), half for
 *       the office's real name and half for names that do not exist, every one with a fresh form
 *       token as a browser would; halfway, the office signs in again from its usual address and
 *       once from an address it never used.
 * </ol>
 *
 * Prints search p50/p99/max alone and under the storm, the attempts by answer, and what the
 * office's sign-ins got. {@code java -cp … org.vsmap.bench.SignInStorm BASE_URL SECONDS ATTACKERS
 * USER PASSWORD [SEARCHERS]}; the portal runs with {@code --rate-limit 0} so the general limit does
 * not hide the sign-in guard.
 */
public final class SignInStorm {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final String[] QUERIES = {
    "助老", "图书馆", "社区", "环保", "关爱", "文明", "jinxiu", "xingfu", "义诊", "交通", "幸福", "和平"
  };

  private SignInStorm() {}

  /** One answer over a raw socket: status, headers, body. */
  private record Answer(int status, Map<String, String> cookies, String body) {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    int seconds = Integer.parseInt(args[1]);
    int attackers = Integer.parseInt(args[2]);
    String user = args[3];
    String password = args[4];
    double rate = Double.parseDouble(args[5]);
    int searchers = args.length > 6 ? Integer.parseInt(args[6]) : 4;

    InetAddress usual = InetAddress.getByName("127.0.0.1");
    System.out.printf(
        Locale.ROOT,
        "office signs in from its usual address before: %s%n",
        signIn(base, usual, user, password));
    search(base, searchers, 5, new AtomicBoolean(true)); // warm-up
    Histogram alone = search(base, searchers, seconds, new AtomicBoolean(true));
    print("search alone", alone, seconds);

    AtomicBoolean storming = new AtomicBoolean(true);
    Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    ExecutorService storm = Executors.newFixedThreadPool(attackers);
    for (int t = 0; t < attackers; t++) {
      storm.submit(
          () -> {
            while (storming.get()) {
              int n = next.getAndIncrement();
              long due = start + (long) (n * 1e9 / rate); // an open model: on schedule
              long early = due - System.nanoTime();
              if (early > 0) {
                TimeUnit.NANOSECONDS.sleep(early);
              }
              InetAddress from = address(n % 4096);
              String name = n % 2 == 0 ? user : "nobody-" + n;
              int status;
              try {
                status = attempt(base, from, name, "wrong password " + n);
              } catch (IOException e) {
                status = -1;
              }
              answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            }
            return null;
          });
    }
    Thread office =
        Thread.ofPlatform().start(() -> officeDuring(base, usual, user, password, seconds));
    Thread.sleep(3000); // the storm under way
    Histogram loaded = search(base, searchers, seconds, new AtomicBoolean(true));
    storming.set(false);
    office.join();
    storm.shutdown();
    storm.awaitTermination(30, TimeUnit.SECONDS);
    print("search during the storm", loaded, seconds);
    long total = answers.values().stream().mapToLong(AtomicLong::get).sum();
    StringBuilder b = new StringBuilder();
    answers.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> b.append(String.format(Locale.ROOT, " %d×%,d", e.getKey(), e.getValue().get())));
    System.out.printf(
        Locale.ROOT,
        "sign-in attempts: %,d in %d s from 4,096 addresses, %.0f a second asked (status×count:%s)%n",
        total,
        seconds + 3,
        rate,
        b);
    System.out.printf(
        Locale.ROOT,
        "search p99 during the storm / alone: %.2f×%n",
        loaded.getValueAtPercentile(99) / (double) alone.getValueAtPercentile(99));
  }

  /** Halfway through the storm, the office signs in from its usual address and a new one. */
  private static void officeDuring(
      URI base, InetAddress usual, String user, String password, int seconds) {
    try {
      Thread.sleep(seconds * 500L);
      System.out.printf(
          Locale.ROOT,
          "during the storm, office from its usual address: %s%n",
          signIn(base, usual, user, password));
      System.out.printf(
          Locale.ROOT,
          "during the storm, office from an address it never used: %s%n",
          signIn(base, InetAddress.getByName("127.0.0.77"), user, password));
    } catch (Exception e) {
      System.out.println("office sign-in failed: " + e);
    }
  }

  private static InetAddress address(int i) throws IOException {
    return InetAddress.getByAddress(new byte[] {127, 1, (byte) (i / 256), (byte) (i % 256)});
  }

  /** The right password: the status and how long it took, e.g. "302 in 412 ms". */
  private static String signIn(URI base, InetAddress from, String user, String password)
      throws IOException {
    long t0 = System.nanoTime();
    int status = attempt(base, from, user, password);
    return status + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms";
  }

  /** The form, then the post with its token, both from {@code from}: the post's status. */
  private static int attempt(URI base, InetAddress from, String name, String password)
      throws IOException {
    Answer form = exchange(base, from, "GET", "/admin/login", null, null);
    Matcher m = CSRF.matcher(form.body());
    if (!m.find()) {
      return form.status();
    }
    String body =
        "csrf=" + enc(m.group(1)) + "&username=" + enc(name) + "&password=" + enc(password);
    return exchange(
            base,
            from,
            "POST",
            "/admin/login",
            "vsmap_login=" + form.cookies().get("vsmap_login"),
            body)
        .status();
  }

  private static Answer exchange(
      URI base, InetAddress from, String method, String path, String cookie, String body)
      throws IOException {
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(from, 0));
      s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
      s.setSoTimeout(30_000);
      byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder req =
          new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n")
              .append("Connection: close\r\n");
      if (cookie != null) {
        req.append("Cookie: ").append(cookie).append("\r\n");
      }
      if (body != null) {
        req.append("Content-Type: application/x-www-form-urlencoded\r\n")
            .append("Content-Length: ")
            .append(payload.length)
            .append("\r\n");
      }
      req.append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.UTF_8));
      out.write(payload);
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int status = Integer.parseInt(text.substring(9, 12));
      Map<String, String> cookies = new ConcurrentHashMap<>();
      Matcher c = Pattern.compile("(?im)^set-cookie: ([^=]+)=([^;\r\n]*)").matcher(text);
      while (c.find()) {
        cookies.put(c.group(1), c.group(2));
      }
      return new Answer(status, cookies, text);
    }
  }

  /** Residents searching back to back for {@code seconds}: latencies in microseconds. */
  private static Histogram search(URI base, int searchers, int seconds, AtomicBoolean on)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Histogram h = new Histogram(60_000_000L, 3);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    Thread[] threads = new Thread[searchers];
    for (int t = 0; t < searchers; t++) {
      int offset = t;
      threads[t] =
          Thread.ofPlatform()
              .start(
                  () -> {
                    int i = offset;
                    while (System.nanoTime() < end && on.get()) {
                      String q = QUERIES[i++ % QUERIES.length];
                      HttpRequest r =
                          HttpRequest.newBuilder(base.resolve("/api/search?limit=20&q=" + enc(q)))
                              .build();
                      long t0 = System.nanoTime();
                      try {
                        HttpResponse<byte[]> a =
                            http.send(r, HttpResponse.BodyHandlers.ofByteArray());
                        if (a.statusCode() != 200) {
                          throw new IllegalStateException("search answered " + a.statusCode());
                        }
                      } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                      }
                      synchronized (h) {
                        h.recordValue((System.nanoTime() - t0) / 1000);
                      }
                    }
                  });
    }
    for (Thread t : threads) {
      t.join();
    }
    return h;
  }

  private static void print(String what, Histogram h, int seconds) {
    System.out.printf(
        Locale.ROOT,
        "%-24s %,7d searches (%,.0f/s)  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n",
        what,
        h.getTotalCount(),
        h.getTotalCount() / (double) seconds,
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getMaxValue() / 1000.0);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

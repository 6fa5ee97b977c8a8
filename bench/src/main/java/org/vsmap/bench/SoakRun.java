package org.vsmap.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.HdrHistogram.Recorder;

/**
 * Issue 9's soak: mixed public traffic at a fixed rate (an open model: requests are sent on
 * schedule whether or not earlier ones have answered, and latency counts from the scheduled time,
 * so a stall is never hidden) — the map page, clusters, search, nearby, station pages, vector
 * tiles, OGC items and downloads, in the proportions of a map used by residents. Prints per kind:
 * requests, 2xx/4xx/5xx, errors, p50/p99/max; exits 1 on any 5xx or error.
 *
 * <p>{@code java -cp … org.vsmap.bench.SoakRun BASE_URL SECONDS RATE_PER_SECOND [MAX_IN_FLIGHT]}
 * (the demo and the national portal both work: points are drawn around the stations the portal
 * itself reports in a viewport of the country).
 */
public final class SoakRun {
  private record Kind(String name, int weight, Function<SplittableRandom, String> url) {}

  private static final class Stats {
    final Recorder latency = new Recorder(3);
    final AtomicLong ok = new AtomicLong();
    final AtomicLong client = new AtomicLong();
    final AtomicLong server = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    volatile String firstFailure;
  }

  private static final String[] WORDS = {
    "图书馆",
    "志愿服务站",
    "社区",
    "文明",
    "关爱",
    "助老",
    "环保",
    "医疗",
    "交通",
    "xinshidai",
    "wmsj",
    "幸福",
    "和平",
    "青年",
    "敬老"
  };

  public static void main(String[] args) throws Exception {
    String base = args[0].replaceAll("/$", "");
    int seconds = Integer.parseInt(args[1]);
    int rate = Integer.parseInt(args[2]);
    int maxInFlight = args.length > 3 ? Integer.parseInt(args[3]) : 256;
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    List<double[]> places = places(http, base);
    List<String> stations = stationIds(http, base);
    List<String> counties = new ArrayList<>();
    java.util.regex.Matcher cm =
        java.util.regex.Pattern.compile("\"code\":\"(\\d{6}|\\d{12})\"")
            .matcher(get(http, base + "/api/regions"));
    while (cm.find()) {
      counties.add(cm.group(1));
    }
    System.out.printf(
        Locale.ROOT,
        "soak: %s, %d s at %d requests/s (at most %d in flight); %d places, %d station pages%n",
        base,
        seconds,
        rate,
        maxInFlight,
        places.size(),
        stations.size());
    System.out.printf("%d counties to download from%n", counties.size());
    List<Kind> kinds = kinds(places, stations, counties);
    int total = kinds.stream().mapToInt(Kind::weight).sum();
    Map<String, Stats> stats = new LinkedHashMap<>();
    kinds.forEach(k -> stats.put(k.name(), new Stats()));
    Semaphore inFlight = new Semaphore(maxInFlight);
    AtomicLong dropped = new AtomicLong();
    SplittableRandom rnd = new SplittableRandom(9);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    long nextReport = start + 60_000_000_000L;
    try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
      for (long i = 0; ; i++) {
        long scheduled = start + i * interval;
        if (scheduled >= end) {
          break;
        }
        long wait = scheduled - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        Kind kind = pick(kinds, rnd.nextInt(total));
        String url = kind.url().apply(rnd.split());
        Stats s = stats.get(kind.name());
        if (!inFlight.tryAcquire()) {
          dropped.incrementAndGet(); // the client's own limit: counted, never silently skipped
          continue;
        }
        exec.submit(
            () -> {
              try {
                send(http, base + url, url, scheduled, s);
              } finally {
                inFlight.release();
              }
            });
        if (System.nanoTime() > nextReport) {
          System.out.printf(
              Locale.ROOT, "%4.0f s: %,d requests sent%n", (System.nanoTime() - start) / 1e9, i);
          nextReport += 60_000_000_000L;
        }
      }
    }
    double took = (System.nanoTime() - start) / 1e9;
    long bad = report(kinds, stats, total, took, dropped.get(), maxInFlight);
    System.exit(bad == 0 ? 0 : 1);
  }

  /** The kind a draw from 0 to the total weight falls on. */
  private static Kind pick(List<Kind> kinds, int draw) {
    int left = draw;
    for (Kind k : kinds) {
      if (left < k.weight()) {
        return k;
      }
      left -= k.weight();
    }
    return kinds.get(0);
  }

  /** One request, its latency from the time it was scheduled and its outcome counted in s. */
  private static void send(HttpClient http, String address, String url, long scheduled, Stats s) {
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      s.latency.recordValue(Math.max(1, (System.nanoTime() - scheduled) / 1000));
      s.statuses.computeIfAbsent(r.statusCode(), c -> new AtomicLong()).incrementAndGet();
      if (r.statusCode() >= 500) {
        s.server.incrementAndGet();
        if (s.firstFailure == null) {
          s.firstFailure =
              r.statusCode()
                  + " "
                  + url
                  + " "
                  + new String(r.body(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
      } else if (r.statusCode() >= 400) {
        s.client.incrementAndGet();
        if (s.firstFailure == null) {
          s.firstFailure = r.statusCode() + " " + url;
        }
      } else {
        s.ok.incrementAndGet();
      }
    } catch (Exception e) {
      s.errors.incrementAndGet();
      if (s.firstFailure == null) {
        s.firstFailure = e + " " + url;
      }
    }
  }

  /** The mix of requests a day of residents, journalists and offices makes, by weight. */
  private static List<Kind> kinds(
      List<double[]> places, List<String> stations, List<String> counties) {
    return List.of(
        new Kind("map page /", 5, r -> "/"),
        new Kind(
            "/api/clusters",
            25,
            r -> {
              int z = 5 + r.nextInt(10);
              double[] p = places.get(r.nextInt(places.size()));
              double w = 1280 * 360.0 / (256.0 * (1 << z)) / 2;
              double h = w * 0.6;
              return String.format(
                  Locale.ROOT,
                  "/api/clusters?z=%d&bbox=%.5f,%.5f,%.5f,%.5f",
                  z,
                  p[0] - w,
                  p[1] - h,
                  p[0] + w,
                  p[1] + h);
            }),
        new Kind(
            "/api/search",
            20,
            r ->
                "/api/search?limit=20&q="
                    + URLEncoder.encode(WORDS[r.nextInt(WORDS.length)], StandardCharsets.UTF_8)),
        new Kind(
            "/api/nearby",
            15,
            r -> {
              double[] p = places.get(r.nextInt(places.size()));
              return String.format(
                  Locale.ROOT,
                  "/api/nearby?lat=%.5f&lon=%.5f&kind=station&limit=10",
                  p[1] + r.nextGaussian() * 0.02,
                  p[0] + r.nextGaussian() * 0.02);
            }),
        new Kind("station page", 8, r -> "/stations/" + stations.get(r.nextInt(stations.size()))),
        new Kind(
            "vector tile z10-14",
            15,
            r -> {
              int z = 10 + r.nextInt(5);
              double[] p = places.get(r.nextInt(places.size()));
              int n = 1 << z;
              int x = (int) Math.floor((p[0] + 180) / 360 * n);
              double lat = Math.toRadians(p[1]);
              int y =
                  (int)
                      Math.floor(
                          (1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
              return "/tiles/stations/" + z + "/" + x + "/" + y + ".mvt";
            }),
        new Kind(
            "OGC items (bbox, 100)",
            10,
            r -> {
              double[] p = places.get(r.nextInt(places.size()));
              return String.format(
                  Locale.ROOT,
                  "/ogc/collections/stations/items?limit=100&bbox=%.4f,%.4f,%.4f,%.4f",
                  p[0] - 0.2,
                  p[1] - 0.15,
                  p[0] + 0.2,
                  p[1] + 0.15);
            }),
        new Kind(
            "download (a county's stations, CSV/GeoJSON)",
            2,
            r ->
                "/data/stations."
                    + (r.nextBoolean() ? "csv" : "geojson")
                    + "?region="
                    + counties.get(r.nextInt(counties.size()))));
  }

  /** The table of what each kind got, and the totals; how many were 5xx or errors. */
  private static long report(
      List<Kind> kinds,
      Map<String, Stats> stats,
      int total,
      double took,
      long dropped,
      int maxInFlight) {
    System.out.println(
        "| kind | share | requests | 2xx/3xx | 4xx | 5xx | errors | p50 ms | p99 ms | max ms |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    long bad = 0;
    long all = 0;
    org.HdrHistogram.Histogram overall = new org.HdrHistogram.Histogram(3);
    for (Kind k : kinds) {
      Stats s = stats.get(k.name());
      org.HdrHistogram.Histogram h = s.latency.getIntervalHistogram();
      overall.add(h);
      long n = s.ok.get() + s.client.get() + s.server.get() + s.errors.get();
      all += n;
      bad += s.server.get() + s.errors.get();
      System.out.printf(
          Locale.ROOT,
          "| %s | %d %% | %,d | %,d | %,d | %,d | %,d | %.2f | %.2f | %.1f |%n",
          k.name(),
          k.weight() * 100 / total,
          n,
          s.ok.get(),
          s.client.get(),
          s.server.get(),
          s.errors.get(),
          h.getValueAtPercentile(50) / 1000.0,
          h.getValueAtPercentile(99) / 1000.0,
          h.getMaxValue() / 1000.0);
      if (s.firstFailure != null) {
        System.out.println("    first failure: " + s.firstFailure);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "| all | 100 %% | %,d | | | %,d | | %.2f | %.2f | %.1f |%n",
        all,
        bad,
        overall.getValueAtPercentile(50) / 1000.0,
        overall.getValueAtPercentile(99) / 1000.0,
        overall.getMaxValue() / 1000.0);
    System.out.printf(
        Locale.ROOT,
        "%,d requests in %.0f s = %.0f/s; %,d not sent because %d were in flight; 5xx + errors: %,d%n",
        all,
        took,
        all / took,
        dropped,
        maxInFlight,
        bad);
    return bad;
  }

  /**
   * A 200 answer's body, asked again for up to a minute while the portal is still busy (the
   * warm-up's last requests).
   */
  private static String get(HttpClient http, String url) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        return r.body();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
      }
      Thread.sleep(1000);
    }
  }

  /** Cluster centres of the whole country at zoom 6: where the stations are. */
  private static List<double[]> places(HttpClient http, String base) throws Exception {
    String body = get(http, base + "/api/clusters?z=6&kind=station&bbox=73,18,135,54");
    List<double[]> out = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"coordinates\":\\[([-0-9.]+),([-0-9.]+)\\]")
            .matcher(body);
    while (m.find()) {
      out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("the portal shows no stations: " + body);
    }
    return out;
  }

  private static List<String> stationIds(HttpClient http, String base) throws Exception {
    List<String> ids = new ArrayList<>();
    for (String w : new String[] {"图书馆", "志愿服务站", "社区", "驿站"}) {
      String body =
          get(
              http,
              base
                  + "/api/search?kind=station&limit=50&q="
                  + URLEncoder.encode(w, StandardCharsets.UTF_8));
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
      while (m.find()) {
        ids.add(m.group(1));
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalStateException("no station found to visit");
    }
    return ids;
  }
}

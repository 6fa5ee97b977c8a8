package org.vsmap.bench;

import java.nio.file.Path;
import java.time.Clock;
import org.vsmap.geo.fake.InMemoryStores;
import org.vsmap.pipeline.search.LuceneSearchIndex;
import org.vsmap.web.Readiness;
import org.vsmap.web.Routes;
import org.vsmap.web.WebPorts;
import org.vsmap.web.WebSettings;

/**
 * The portal's real routes over the national index, for load runs with wrk: {@code BenchServer
 * <index dir> <port>}. The search port is the real Lucene index; the store ports are empty
 * in-memory fakes, since the measured URLs (/api/nearby, /api/search, /api/clusters) read only the
 * index.
 */
public final class BenchServer {
  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "bench/target/national-index");
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 7090;
    Clock clock = org.vsmap.geo.time.ChinaTime.system();
    LuceneSearchIndex index = new LuceneSearchIndex(dir, clock);
    InMemoryStores empty = new InMemoryStores();
    Readiness readiness = new Readiness();
    Routes.create(new WebSettings(clock, 0), readiness).start("127.0.0.1", port);
    readiness.ready(new WebPorts(empty, empty, empty, empty, index));
    System.out.println(
        "bench server on http://127.0.0.1:" + port + " over " + index.size() + " documents");
  }
}

package org.vsmap.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.javalin.http.Context;
import java.util.Set;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.web.http.Json;

/**
 * GET /health: 200 UP with the counts served (from the index) once the store and index are ready,
 * 200 DEGRADED while the database cannot be reached (the index still answers), 503 before or after
 * a failure.
 */
public final class HealthHandler {
  private final Readiness readiness;

  public HealthHandler(Readiness readiness) {
    this.readiness = readiness;
  }

  public void health(Context ctx) {
    if (!readiness.isReady()) {
      ctx.status(503);
      Json.send(
          ctx,
          new Starting(
              readiness.failure() == null ? "STARTING" : "DOWN",
              readiness.failure() != null ? readiness.failure() : readiness.step()));
      return;
    }
    WebPorts ports = readiness.ports();
    String problem = readiness.storeProblem();
    String index = readiness.indexProblem();
    String detail =
        problem != null
            // still 200: this node answers the map and search from its index; only changes wait
            ? "the database cannot be reached ("
                + problem
                + "); the map and search are served from the search index, "
                + "changes and the admin pages wait until it is back"
            : index;
    // what is served, counted by the index (which follows the store within a second): a health
    // check must not scan the store's tables (seconds on a national store, every few seconds)
    Json.send(
        ctx,
        new Serving(
            problem == null && index == null ? "UP" : "DEGRADED",
            detail,
            count(ports, Kind.STATION),
            count(ports, Kind.TEAM),
            count(ports, Kind.ACTIVITY),
            ports.search().size()));
  }

  private static long count(WebPorts ports, Kind k) {
    return ports.search().count(SearchIndex.Request.builder().kinds(Set.of(k)).limit(1).build());
  }

  /** /health while the node starts (or failed to): 503 with the step or the failure. */
  public record Starting(String status, String detail) {}

  /** /health once serving: UP or DEGRADED (with why), and what the index serves. */
  public record Serving(
      String status,
      @JsonInclude(Include.NON_NULL) String detail,
      long stations,
      long teams,
      long activities,
      long indexed) {}
}

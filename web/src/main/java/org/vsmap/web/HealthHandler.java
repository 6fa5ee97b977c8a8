package org.vsmap.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
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
    Map<String, Object> body = new LinkedHashMap<>();
    if (!readiness.isReady()) {
      body.put("status", readiness.failure() == null ? "STARTING" : "DOWN");
      body.put("detail", readiness.failure() != null ? readiness.failure() : readiness.step());
      ctx.status(503);
      Json.send(ctx, body);
      return;
    }
    WebPorts ports = readiness.ports();
    String problem = readiness.storeProblem();
    String index = readiness.indexProblem();
    body.put("status", problem == null && index == null ? "UP" : "DEGRADED");
    if (problem != null) {
      // still 200: this node answers the map and search from its index; only changes wait
      body.put(
          "detail",
          "the database cannot be reached ("
              + problem
              + "); the map and search are served from the search index, "
              + "changes and the admin pages wait until it is back");
    } else if (index != null) {
      body.put("detail", index);
    }
    // what is served, counted by the index (which follows the store within a second): a health
    // check must not scan the store's tables (seconds on a national store, every few seconds)
    for (Kind k : Kind.values()) {
      body.put(
          switch (k) {
            case STATION -> "stations";
            case TEAM -> "teams";
            case ACTIVITY -> "activities";
          },
          ports.search().count(SearchIndex.Request.builder().kinds(Set.of(k)).limit(1).build()));
    }
    body.put("indexed", ports.search().size());
    Json.send(ctx, body);
  }
}

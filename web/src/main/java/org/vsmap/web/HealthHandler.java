package org.vsmap.web;

import java.util.Set;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.SearchIndex;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /health: 200 UP with the counts served (from the index) once the store and index are ready, 503 before or after a failure. */
final class HealthHandler {
  private final Readiness readiness;

  HealthHandler(Readiness readiness) {
    this.readiness = readiness;
  }

  void health(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (!readiness.isReady()) {
      body.put("status", readiness.failure() == null ? "STARTING" : "DOWN");
      if (readiness.failure() != null) {
        body.put("detail", readiness.failure());
      }
      ctx.status(503);
      Json.send(ctx, body);
      return;
    }
    WebPorts ports = readiness.ports();
    body.put("status", "UP");
    // what is served, counted by the index (which follows the store within a second): a health
    // check must not scan the store's tables (seconds on a national store, every few seconds)
    for (Kind k : Kind.values()) {
      body.put(switch (k) {
        case STATION -> "stations";
        case TEAM -> "teams";
        case ACTIVITY -> "activities";
      }, ports.search().count(SearchIndex.Request.builder().kinds(Set.of(k)).limit(1).build()));
    }
    body.put("indexed", ports.search().size());
    Json.send(ctx, body);
  }
}

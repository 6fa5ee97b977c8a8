package org.vsmap.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /health: 200 UP with counts once the store and index are ready, 503 before or after a failure. */
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
    body.put("stations", ports.stations().stationCount());
    body.put("teams", ports.teams().teamCount());
    body.put("activities", ports.activities().activityCount());
    body.put("indexed", ports.search().size());
    Json.send(ctx, body);
  }
}

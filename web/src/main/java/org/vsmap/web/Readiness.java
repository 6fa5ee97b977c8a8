package org.vsmap.web;

import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Labels;

/**
 * Whether the store and the index are ready. The server answers from the moment it listens; until
 * the ports are set, /health says 503 and every other request gets a 503 page.
 */
public final class Readiness {
  private volatile WebPorts ports;
  private volatile Labels.RegionNames regionNames;
  private volatile String failure;
  private volatile String storeProblem;
  private volatile String indexProblem;
  private volatile String step = "starting";

  public void ready(WebPorts ports) {
    this.regionNames = new Labels.RegionNames(ports.regions());
    this.ports = ports;
  }

  public Labels.RegionNames regionNames() {
    ports();
    return regionNames;
  }

  public void failed(String reason) {
    this.failure = reason;
  }

  /**
   * The store could not be read (null: it can again). Meanwhile the index answers the map and
   * search, /health says DEGRADED and the admin pages answer 503 at once.
   */
  public void storeProblem(String problem) {
    this.storeProblem = problem;
  }

  public String storeProblem() {
    return storeProblem;
  }

  /** The search index is being repaired (null: it is sound); the old one answers meanwhile. */
  public void indexProblem(String problem) {
    this.indexProblem = problem;
  }

  public String indexProblem() {
    return indexProblem;
  }

  /** What the portal is doing while it starts, for /health and the 503 pages meanwhile. */
  public void starting(String step) {
    this.step = step;
  }

  public String step() {
    return step;
  }

  public boolean isReady() {
    return ports != null;
  }

  public String failure() {
    return failure;
  }

  /** The ports, or a 503 when the portal is still starting. */
  public WebPorts ports() {
    WebPorts p = ports;
    if (p == null) {
      throw new WebError(
          503,
          failure == null ? "正在启动 / Starting" : "服务不可用 / Unavailable",
          failure == null ? "the store and the search index are still loading: " + step : failure);
    }
    return p;
  }
}

package org.vsmap.web;

/**
 * Whether the store and the index are ready. The server answers from the moment it listens;
 * until the ports are set, /health says 503 and every other request gets a 503 page.
 */
public final class Readiness {
  private volatile WebPorts ports;
  private volatile Labels.RegionNames regionNames;
  private volatile String failure;

  public void ready(WebPorts ports) {
    this.regionNames = new Labels.RegionNames(ports.regions());
    this.ports = ports;
  }

  Labels.RegionNames regionNames() {
    ports();
    return regionNames;
  }

  public void failed(String reason) {
    this.failure = reason;
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
      throw new WebError(503, failure == null ? "正在启动 / Starting" : "服务不可用 / Unavailable",
          failure == null ? "the store and the search index are still loading" : failure);
    }
    return p;
  }
}

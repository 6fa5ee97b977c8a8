package org.vsmap.geo.model;

import java.util.List;
import java.util.Objects;

/**
 * A volunteer service station (志愿服务站点) at a point, with its services and 五有 status.
 *
 * @param approximate the point is its region's centroid (the office gave no coordinates), shown as
 *     an approximate location wherever the station appears
 */
public record Station(
    String id,
    String name,
    StationType type,
    String regionCode,
    String address,
    GeoPoint location,
    String openingHours,
    List<String> services,
    String publicContact,
    FiveHas fiveHas,
    boolean synthetic,
    boolean approximate) {

  public Station {
    Require.maxLength(Require.text(id, "station id"), 64, "station id");
    Require.maxLength(Require.text(name, "station name"), 200, "name of station " + id);
    Require.maxLength(address, 300, "address of station " + id);
    Require.maxLength(openingHours, 200, "opening hours of station " + id);
    Objects.requireNonNull(type, "station type");
    Require.text(regionCode, "region code of station " + id);
    Objects.requireNonNull(location, "location of station " + id);
    services = services == null ? List.of() : List.copyOf(services);
    Require.maxLength(String.join(";", services), 2000, "services of station " + id);
    publicContact = PublicContact.check(publicContact, "station " + id);
    fiveHas = fiveHas == null ? FiveHas.NONE : fiveHas;
  }

  /** A station at an exactly known point. */
  public Station(
      String id,
      String name,
      StationType type,
      String regionCode,
      String address,
      GeoPoint location,
      String openingHours,
      List<String> services,
      String publicContact,
      FiveHas fiveHas,
      boolean synthetic) {
    this(
        id,
        name,
        type,
        regionCode,
        address,
        location,
        openingHours,
        services,
        publicContact,
        fiveHas,
        synthetic,
        false);
  }

  /** The county-level region (first six digits of the region code). */
  public String countyCode() {
    return regionCode.length() >= 6 ? regionCode.substring(0, 6) : regionCode;
  }
}

package org.vsmap.web.admin;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.port.Offices;
import org.vsmap.geo.port.RegionStore;

/**
 * What an edit form checks beyond the records' own rules (lengths, counts, years — those are in the
 * domain records, so the importer and the forms refuse the same things): what depends on today or
 * on the regions. Each throws IllegalArgumentException with the field and the reason, in Chinese
 * and English, before anything is stored.
 */
final class AdminChecks {
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private AdminChecks() {}

  /** Participants only for an activity that has ended (as the importer has it). */
  static Activity held(Activity a, LocalDateTime now) {
    if (a.participants() != null && a.end().isAfter(now)) {
      throw new IllegalArgumentException(
          "participants：实际参加人数只能填写已结束的活动 / participants can only be given for an activity that has"
              + " ended");
    }
    return a;
  }

  /** A founding date not after today. */
  static Team founded(Team t, LocalDate today) {
    if (t.founded() != null && t.founded().isAfter(today)) {
      throw new IllegalArgumentException(
          "founded：成立日期不能晚于今天 / the founding date cannot be after today: " + t.founded());
    }
    return t;
  }

  /**
   * A station's region exists, and its point lies inside the county of that region (when the
   * county's boundary is known): a point moved into another county must take that county's region.
   * A region outside the account's scope is left to the save, which refuses and audits it.
   */
  static Station placed(Station s, RegionStore regions, Offices.Account account) {
    if (!account.mayChange(s.regionCode())) {
      return s; // outside the office's scope: the save refuses it (403, audited)
    }
    Region region =
        regions
            .regionByCode(s.regionCode())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "region_code：未知的区划代码 / unknown region code: " + s.regionCode()));
    if (s.regionCode().length() < 6) {
      return s;
    }
    Region county = regions.regionByCode(s.regionCode().substring(0, 6)).orElse(region);
    if (county.boundary() != null
        && !county
            .boundary()
            .covers(GEOMETRY.createPoint(new Coordinate(s.location().lon(), s.location().lat())))) {
      throw new IllegalArgumentException(
          "lon/lat：位置不在"
              + county.name()
              + "境内，请同时改区划代码 / the point lies outside "
              + county.name()
              + " ("
              + county.code()
              + "): change the region code too");
    }
    return s;
  }
}

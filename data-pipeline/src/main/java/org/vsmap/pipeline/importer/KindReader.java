package org.vsmap.pipeline.importer;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.port.Problem;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.pipeline.importer.OfficeImport.Request;

/**
 * Reads one kind of office file (CSV in any encoding, XLSX, GeoJSON for regions) into typed records
 * checked against what the store knows; every bad cell is a {@link Problem} with its row and
 * column. One per {@link OfficeImport.What}, in {@link OfficeReaders}; {@link OfficeImport#prepare}
 * calls the request's and adds the scope check every kind shares.
 */
@FunctionalInterface
interface KindReader {
  Read read(Input in);

  /**
   * What every reader gets: the store's lookups, the request with the file, the known regions, the
   * column mapping ({@code 表头 → field}) and the moment of the import.
   */
  record Input(
      ImportLookups store,
      Request request,
      Map<String, Region> regions,
      Map<String, String> mapping,
      LocalDateTime now) {

    /** The file as a grid of cells, read through the column mapping. */
    Grid grid() {
      return Grid.read(request.file(), request.bytes(), request.encoding()).withMapping(mapping);
    }

    /** The request's coordinate system, WGS84 when it names none. */
    CoordinateSystem crsOrWgs84() {
      return request.crs() == null ? CoordinateSystem.WGS84 : request.crs();
    }
  }

  /** A record of the file by its region, for the office's scope check. */
  record Touched(String regionCode, String id) {}

  /**
   * What a reader made of a file: how many records it read and how (the encoding or format), their
   * problems and warnings, the region of each record, what to add to the batch, and which kinds a
   * full re-import of this file retires when it no longer lists them.
   */
  record Read(
      int records,
      String readAs,
      List<Problem> problems,
      List<Problem> warnings,
      List<Touched> touched,
      UnaryOperator<ImportBatch> adds,
      Set<Kind> retires) {}
}

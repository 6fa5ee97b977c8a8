package org.vsmap.pipeline.admin;

import java.util.List;
import org.vsmap.geo.port.Offices.ChangedRecord;
import org.vsmap.pipeline.store.JdbiImportWriter;

/** What a checked upload would write, record by record, as the preview lists it. */
final class ChangedRecords {
  private ChangedRecords() {}

  /** The changed records with their names as the file gives them (retired ones: by id). */
  static List<ChangedRecord> named(
      List<JdbiImportWriter.Changed> changed, org.vsmap.pipeline.importer.ImportBatch b) {
    java.util.Map<String, String> names = new java.util.HashMap<>();
    b.stations().forEach(x -> names.put("STATION " + x.id(), x.name()));
    b.teams().forEach(x -> names.put("TEAM " + x.id(), x.name()));
    b.activities().forEach(x -> names.put("ACTIVITY " + x.id(), x.title()));
    return changed.stream()
        .map(
            c ->
                new ChangedRecord(
                    c.kind(), c.id(), names.get(c.kind().name() + " " + c.id()), c.action()))
        .toList();
  }
}

package org.vsmap.pipeline.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Every kind the README and the error message name is accepted, singular or plural, in any case.
 */
class WhatTest {
  @Test
  void everyDocumentedKindParses() {
    assertThat(OfficeImport.What.parse("station")).isEqualTo(OfficeImport.What.STATION);
    assertThat(OfficeImport.What.parse("Stations")).isEqualTo(OfficeImport.What.STATION);
    assertThat(OfficeImport.What.parse("teams")).isEqualTo(OfficeImport.What.TEAM);
    assertThat(OfficeImport.What.parse("activity")).isEqualTo(OfficeImport.What.ACTIVITY);
    assertThat(OfficeImport.What.parse("activities")).isEqualTo(OfficeImport.What.ACTIVITY);
    assertThat(OfficeImport.What.parse("report")).isEqualTo(OfficeImport.What.REPORT);
    assertThat(OfficeImport.What.parse("figures")).isEqualTo(OfficeImport.What.FIGURES);
    assertThat(OfficeImport.What.parse("figure")).isEqualTo(OfficeImport.What.FIGURES);
    assertThat(OfficeImport.What.parse("regions")).isEqualTo(OfficeImport.What.REGIONS);
    assertThat(OfficeImport.What.parse(" region ")).isEqualTo(OfficeImport.What.REGIONS);
    assertThatThrownBy(() -> OfficeImport.What.parse("people"))
        .hasMessageContaining("unknown kind 'people'");
  }
}

package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A JDK field made readable, or none when the JVM has no such field. */
class OpenFilesFieldTest {
  @Test
  void aFieldTheJvmHasIsMadeReadableAndAnUnknownOneIsNone() {
    assertThat(OpenFiles.field("java.io.FileDescriptor", "fd"))
        .hasValueSatisfying(f -> assertThat(f.canAccess(new java.io.FileDescriptor())).isTrue());
    assertThat(OpenFiles.field("java.io.FileDescriptor", "noSuchField")).isEmpty();
    assertThat(OpenFiles.field("org.watchdogmenu.NoSuchClass", "fd")).isEmpty();
  }
}

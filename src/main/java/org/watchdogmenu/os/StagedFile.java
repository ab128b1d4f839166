package org.watchdogmenu.os;

import java.io.IOException;

/** A file written next to its target and waiting to replace it with one rename. */
public interface StagedFile extends AutoCloseable {
  /** Renames the temp file over the target, atomically. */
  void commit() throws IOException;

  /** Deletes the temp file unless it was committed. */
  @Override
  void close() throws IOException;
}

package org.watchdogmenu.metrics;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Where CloudWatch values go: an EMF log for the agent, or the aws CLI. */
interface CloudWatchSink {

  /**
   * Publishes the values of one target under the dimension {@code Target}.
   *
   * @throws IOException with one line saying what went wrong
   */
  void put(String namespace, String target, Instant at, List<CloudWatchDatum> data)
      throws IOException;
}

package org.watchdogmenu.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.Schedule;

/**
 * What a desired-state file asks of a host, read and checked for shape ({@link ApplyFileReader}).
 * An absent section leaves that part of the host alone; a present one, even empty, is the whole of
 * what the file asks there.
 *
 * @param targets site target files by id: each file's keys, without {@code id}
 * @param schedules by target id, each feature's schedule
 * @param monitor targets in the monitor's list
 * @param channels alert channels with their secrets already read from the environment or the
 *     secrets file, each with a {@code name}
 * @param lines where each key is, for messages
 */
record DesiredState(
    Optional<Map<String, ObjectNode>> targets,
    Optional<Map<String, Map<Feature, Schedule>>> schedules,
    Optional<List<String>> monitor,
    Optional<List<ObjectNode>> channels,
    Optional<List<Sudoers>> sudoers,
    Optional<List<String>> linger,
    Optional<Units> units,
    FileLines lines) {

  /** A sudoers.d file: the {@code sudoers} command's request. */
  record Sudoers(
      int index, String user, Optional<String> name, List<String> targets, List<String> commands) {}

  /** PM2 housekeeping of a user. */
  record Pm2(int index, String user, String appDir) {}

  /** The {@code units} section; an absent key leaves that kind of unit alone. */
  record Units(
      Optional<Boolean> monitor,
      Optional<List<String>> restartPolicies,
      Optional<List<String>> userServices,
      Optional<List<Pm2>> pm2) {}
}

package org.watchdogmenu.install;

import java.util.Optional;

/**
 * A target's feature as it is on disk now.
 *
 * @param schedule the schedule, when the job line is one this tool writes
 * @param managed the file carries watchdog-menu's header
 * @param editedByHand managed, but not what watchdog-menu would write for that schedule
 * @param words for the menu and {@code status}: {@code Every 5 minutes}, {@code Not configured},
 *     {@code custom: *}{@code /7 * * * *}, {@code Every 5 minutes (edited by hand)}
 */
public record FeatureState(
    Feature feature,
    String path,
    boolean configured,
    Optional<Schedule> schedule,
    boolean managed,
    boolean editedByHand,
    String words) {}

package org.watchdogmenu.service;

import org.watchdogmenu.os.Command;

/**
 * One recovery level: what it does in words and the command that does it.
 *
 * @param description e.g. {@code pm2 restart codebox} or {@code systemctl restart paqet-server}
 */
public record RestartStep(String description, Command command) {}

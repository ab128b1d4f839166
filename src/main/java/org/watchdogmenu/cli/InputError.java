package org.watchdogmenu.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Input that names something that is not there or not valid (a target, a folder). Printed as its
 * one line, and ends the command with its exit code for bad input ({@code check}: UNKNOWN).
 */
final class InputError extends ParameterException {
  InputError(CommandLine command, String message) {
    super(command, message);
  }
}

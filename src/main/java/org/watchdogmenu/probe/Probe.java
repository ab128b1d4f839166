package org.watchdogmenu.probe;

/**
 * One health test. Implementations finish within their spec's timeout (every command they run
 * carries it), never throw for an unhealthy service, and answer {@link Verdict#UNKNOWN} when they
 * cannot tell.
 */
public interface Probe {

  ProbeResult run(ProbeContext context);
}

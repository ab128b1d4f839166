package org.watchdogmenu.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;

/** One screen of the menu: its place in the breadcrumb, its keys, its lines, what keys do. */
interface View {
  /** Its part of the breadcrumb, e.g. {@code Server}. */
  String crumb();

  /** Its own keys for the footer, e.g. {@code "Enter open"}; Esc, q and ? are added. */
  List<String> keys(Look look);

  /** The body lines, at most {@code height}, each at most {@code width} wide. */
  List<Line> body(int width, int height);

  /** What the key does here; {@link Step#UNHANDLED} leaves it to the loop (Esc, q, ?). */
  Step key(KeyStroke key);

  /** Where the text cursor shows, relative to the body (a field being typed), or null. */
  default TerminalPosition cursor() {
    return null;
  }

  /** Called while no key comes (about every 100 ms); true when the view changed (log follow). */
  default boolean tick() {
    return false;
  }
}

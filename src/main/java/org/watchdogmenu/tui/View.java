package org.watchdogmenu.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;
import java.util.Optional;

/** One screen of the menu: its place in the breadcrumb, its keys, its lines, what keys do. */
interface View {
  /** Its part of the breadcrumb, e.g. {@code Server}. */
  String crumb();

  /** Its own keys for the footer, e.g. {@code "Enter open"}; Esc, q and ? are added. */
  List<String> keys(Look look);

  /**
   * The body lines, at most {@code height}, each at most {@code width} wide. A {@link Visible}
   * (what {@link Scroll} and {@link TextPane} return) also says how many lines are above and below.
   */
  List<Line> body(int width, int height);

  /** What the key does here; {@link Step#UNHANDLED} leaves it to the loop (Esc, q, ?). */
  Step key(KeyStroke key);

  /**
   * What this screen is for and what its keys, colours and state words mean, for its help page
   * ({@code ?}); the keys every screen shares follow it there.
   */
  default List<String> help() {
    return List.of();
  }

  /**
   * True while the view takes every key as text (a field being typed): the footer then shows only
   * the view's own keys, since q and ? type letters.
   */
  default boolean typing() {
    return false;
  }

  /**
   * What stands under the view while no key has said anything else (a form's refusal until it is
   * fixed), if anything.
   */
  default Optional<Notice> standing() {
    return Optional.empty();
  }

  /** Where the text cursor shows, relative to the body (a field being typed); empty for none. */
  default Optional<TerminalPosition> cursor() {
    return Optional.empty();
  }

  /** Called while no key comes (about every 100 ms); true when the view changed (log follow). */
  default boolean tick() {
    return false;
  }
}

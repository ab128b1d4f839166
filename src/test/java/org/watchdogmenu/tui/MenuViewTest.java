package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The highlighted item of a menu, and the notice under a screen when nothing has been said. */
class MenuViewTest {
  private static final Look LOOK = new Look(false, true);

  private static MenuView menu(List<Choice> items) {
    return new MenuView() {
      @Override
      public String crumb() {
        return "Test";
      }

      @Override
      List<Choice> items() {
        return items;
      }
    };
  }

  @Test
  void noItemIsHighlightedBeforeTheMenuIsMadeOrWhenItHasNone() {
    MenuView two =
        menu(List.of(Choice.of("First", () -> Step.STAY), Choice.of("Second", () -> Step.STAY)));
    assertThat(two.selectedLabel()).isEmpty();
    two.body(40, 10);
    assertThat(two.selectedLabel()).hasValue("First");
    two.key(new KeyStroke(KeyType.ArrowDown));
    assertThat(two.selectedLabel()).hasValue("Second");

    MenuView none = menu(List.of());
    none.body(40, 10);
    assertThat(none.selectedLabel()).isEmpty();
  }

  @Test
  void aKeyThatSaysNothingLeavesNoNotice() throws IOException {
    TerminalScreen screen =
        new TerminalScreen(new DefaultVirtualTerminal(new TerminalSize(80, 24)));
    screen.startScreen();
    MenuLoop loop =
        new MenuLoop(screen, LOOK, new TextView("Plain", List.of("text")), Optional.empty());
    loop.draw();
    assertThat(loop.notice()).isEmpty();
    loop.handle(new KeyStroke(KeyType.Escape));
    assertThat(loop.notice().map(Notice::text)).hasValue("This is the first screen: q quits.");
    loop.handle(new KeyStroke('z', false, false));
    assertThat(loop.notice())
        .as("an unknown key says nothing and clears the last notice")
        .isEmpty();
    loop.draw();
  }
}

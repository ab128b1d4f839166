package org.watchdogmenu.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.watchdogmenu.install.SudoersGrants;
import org.watchdogmenu.install.SudoersRequest;
import org.watchdogmenu.model.Target;

/**
 * The form that lets an operator check and restart one target without a password: it asks for the
 * account and previews the operator's sudoers file with this target added to what it grants.
 */
final class SudoersForm {
  static final String NO_ONE = "No one";

  private SudoersForm() {}

  /**
   * @param invocations what the grant lets the operator run, one command line each (as the
   *     planner's {@code sudoersInvocations} gives them)
   */
  static FormView of(Session session, Target target, List<String> invocations) {
    List<String> intro = new ArrayList<>();
    intro.add("An operator may then run exactly these, with no other arguments:");
    invocations.forEach(l -> intro.add("  " + l));
    intro.add("What their file already grants is kept; visudo checks it first.");
    Field user =
        Field.of(
            "Operator account",
            "",
            "a login name, e.g. deploy (lower-case letters, digits, _ . -)",
            SudoersForm::problem);
    return new FormView(
        "Sudoers",
        intro,
        List.of(user),
        "Preview the sudoers file",
        values ->
            PlanView.open(
                session,
                "Preview",
                () -> session.installer().planner().sudoers(request(values.get(0), target), true),
                2));
  }

  private static SudoersRequest request(String user, Target target) {
    return new SudoersRequest(user, null, List.of(target), List.of());
  }

  private static Optional<String> problem(String user) {
    if (user.isEmpty()) {
      return Optional.of("give the operator's login name");
    }
    return SudoersRequest.userProblem(user);
  }

  /** The state words of the sudoers item: who may check the target without a password. */
  static String words(Session session, Target target) {
    List<String> users = SudoersGrants.usersFor(session.host().root(), target.id());
    return users.isEmpty() ? NO_ONE : String.join(", ", users);
  }
}

package org.watchdogmenu.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.ControlChars;
import org.watchdogmenu.os.Programs;

/** A failed {@code aws} command in one line of the tool's own words, naming what to do. */
final class AwsFailure {
  /** {@code ... is not authorized to perform: cloudwatch:PutMetricAlarm on resource: ...} */
  private static final Pattern NOT_AUTHORIZED =
      Pattern.compile("User: (\\S+) is not authorized to perform: ([A-Za-z0-9-]+:[A-Za-z0-9]+)");

  /** {@code An error occurred (AccessDenied) when calling the PutMetricAlarm operation: ...} */
  private static final Pattern AWS_ERROR =
      Pattern.compile(
          "An error occurred \\(([A-Za-z.]+)\\) when calling the ([A-Za-z]+) operation");

  private AwsFailure() {}

  static String line(AwsStep step, CommandResult result, MetricsConfig.CloudWatch cloudWatch) {
    String program = step.argv().get(0);
    String what = "aws " + step.argv().get(1) + " " + step.argv().get(2);
    if (result.programMissing()) {
      return Programs.missing(program)
          + ": apt-get install awscli, or set cloudwatch.aws in "
          + Metrics.FILE
          + " to its path";
    }
    if (result.outcome() == CommandResult.Outcome.TIMED_OUT) {
      return what
          + " did not finish in "
          + cloudWatch.timeout().toSeconds()
          + "s: check that this host reaches AWS, or raise cloudwatch.timeout in "
          + Metrics.FILE;
    }
    String err = result.stderr();
    if (err.contains("Unable to locate credentials")) {
      return "aws found no AWS credentials: give this instance an IAM role, or run"
          + " 'sudo aws configure'";
    }
    if (err.contains("You must specify a region")) {
      return "aws knows no region: give --region, or set cloudwatch.region in " + Metrics.FILE;
    }
    if (err.contains("Could not connect to the endpoint URL")) {
      return what + " could not reach AWS: check this host's network and the region";
    }
    Matcher denied = NOT_AUTHORIZED.matcher(err);
    if (denied.find()) {
      return "AWS refused "
          + denied.group(2)
          + " to "
          + ControlChars.escape(denied.group(1))
          + ": allow it in that identity's IAM policy";
    }
    Matcher error = AWS_ERROR.matcher(err);
    if (error.find()) {
      String code = error.group(1);
      String operation = error.group(2);
      if (code.equals("AccessDenied") || code.equals("AuthorizationError")) {
        return "AWS refused " + operation + ": allow it in the IAM policy of aws's identity";
      }
      if (code.equals("InvalidClientTokenId")
          || code.equals("SignatureDoesNotMatch")
          || code.equals("ExpiredToken")
          || code.equals("UnrecognizedClientException")) {
        return "AWS did not accept aws's credentials ("
            + code
            + "): renew them with 'sudo aws configure', or check the instance role";
      }
    }
    return Programs.describe(program, result).replaceFirst("^\\S+", what);
  }
}

package org.vsmap.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code java -jar vsmap.jar serve|migrate|generate-demo [options]}. */
@Command(
    name = "vsmap",
    mixinStandardHelpOptions = true,
    version = "vsmap 0.1.0",
    description = "志愿服务地图 — Volunteer Service Map and open-data portal",
    subcommands = {
      ServeCommand.class,
      MigrateCommand.class,
      ImportCommand.class,
      AccountCommand.class,
      ReindexCommand.class,
      PublishCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      GenerateDemoCommand.class,
      GenerateNationalCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    // java.util.logging (Lucene's start-up notes) goes through SLF4J and logback.xml too: one
    // format and one set of levels for everything, set up on this thread before any library logs.
    // Logback first: a JUL record logged while SLF4J is still starting would be "replayed" with
    // three lines of SLF4J warnings on every command.
    org.slf4j.LoggerFactory.getILoggerFactory();
    org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
    org.slf4j.bridge.SLF4JBridgeHandler.install();
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          // one line naming the problem, never a stack trace as the only message
          cmd.getErr().println("vsmap: error: " + Failure.describe(e));
          cmd.getErr().flush(); // before System.exit: the one line must not be lost
          return e instanceof Failure f ? f.exitCode() : 1;
        });
    int code;
    try {
      code = cli.execute(args);
    } catch (Error e) {
      System.err.println("vsmap: error: " + Failure.describe(e));
      code = 1;
    }
    if (code != 0) {
      System.err.flush();
      System.exit(code);
    }
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}

package org.vsmap.app;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vsmap.geo.port.Offices;
import org.vsmap.pipeline.admin.JdbiAccounts;
import org.vsmap.pipeline.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code account add|list}: office accounts for the admin pages. No account is ever locked: the
 * portal throttles repeated wrong passwords by address and name, and administrators clear a
 * throttle on /admin/throttles.
 */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = "Create and list the accounts of the admin pages.",
    subcommands = {
      AccountCommand.Add.class,
      AccountCommand.ListAccounts.class,
      AccountCommand.SecondFactorOff.class
    })
final class AccountCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new Failure("name a subcommand: account add or account list");
  }

  private static JdbiAccounts accounts(Database db) {
    return new JdbiAccounts(db.jdbi(), Clocks.portal());
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Create an account. The password is asked for on a terminal, or read from --password-file or the "
              + "environment variable VSMAP_NEW_PASSWORD (never from the command line).")
  static final class Add implements Callable<Integer> {
    @Parameters(
        index = "0",
        paramLabel = "NAME",
        description = "The user name (3–64 letters, digits or _.@-).")
    String username;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "admin (everything) or office (one region subtree).")
    String role;

    @Option(
        names = "--region",
        paramLabel = "CODE",
        description = "The office's region code, e.g. 150602 (required for office).")
    String region;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description = "Read the password from the first line of this file.")
    Path passwordFile;

    @Mixin StoreOptions store;

    @Override
    public Integer call() {
      Offices.Role r;
      try {
        r = Offices.Role.valueOf(role.strip().toUpperCase());
      } catch (IllegalArgumentException e) {
        throw new Failure("--role must be admin or office, not " + role);
      }
      String password = password();
      try (Database db = store.open(DataDirectory.open(store.dataDir))) {
        accounts(db).create(username, password, r, region);
      } catch (IllegalArgumentException e) {
        throw new Failure(e.getMessage());
      }
      System.out.println(
          "account "
              + username
              + " created: "
              + r.name().toLowerCase()
              + (region == null ? "" : " of region " + region));
      return 0;
    }

    private String password() {
      if (passwordFile != null) {
        try {
          return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream()
              .findFirst()
              .orElse("");
        } catch (IOException e) {
          throw new Failure("cannot read " + passwordFile + ": " + e.getMessage());
        }
      }
      String env = System.getenv("VSMAP_NEW_PASSWORD");
      if (env != null) {
        return env;
      }
      Console c = System.console();
      if (c == null) {
        throw new Failure(
            "no terminal to ask for the password: use --password-file or VSMAP_NEW_PASSWORD");
      }
      char[] first = c.readPassword("password for %s: ", username);
      char[] second = c.readPassword("again: ");
      if (first == null || second == null || !new String(first).equals(new String(second))) {
        throw new Failure("the two passwords differ");
      }
      return new String(first);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the accounts with their roles and regions.")
  static final class ListAccounts implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Override
    public Integer call() {
      try (Database db = store.open(DataDirectory.open(store.dataDir))) {
        for (Offices.Account a : accounts(db).accounts()) {
          System.out.println(
              a.username()
                  + "\t"
                  + a.role().name().toLowerCase()
                  + "\t"
                  + (a.regionCode() == null ? "" : a.regionCode()));
        }
      }
      return 0;
    }
  }

  @Command(
      name = "second-factor-off",
      mixinStandardHelpOptions = true,
      description =
          "Turn an account's second factor off (a lost phone): it signs in with its password alone"
              + " until it turns the second factor on again at /admin/second-factor. Audited.")
  static final class SecondFactorOff implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The account.")
    String username;

    @Mixin StoreOptions store;

    @Override
    public Integer call() {
      try (Database db = store.open(DataDirectory.open(store.dataDir))) {
        if (!accounts(db).disableSecondFactor(username, "cli:" + System.getProperty("user.name"))) {
          throw new Failure("account " + username + " has no second factor (or does not exist)");
        }
        System.out.println("second factor of " + username + " turned off");
      }
      return 0;
    }
  }
}

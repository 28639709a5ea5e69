package dev.vigil.devstack;

import dev.vigil.testsupport.DevTokens;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ./vigil token}: a development JWT signed with the local stack's key. A customer acts for exactly one
 * tenant ({@code --tenant}); staff (admin, supervisor, operator) for one ({@code --tenant}, the {@code tenant}
 * claim) or several ({@code --tenants a,b}, or {@code '*'} for all: the {@code tenants} claim). An admin given
 * neither gets every tenant; a supervisor or operator given neither is refused, since no tenant is not a default.
 */
@Command(name = "token", description = {
    "Print a development JWT, signed with the key in .vigil/jwt/.",
    "A customer acts for one tenant (--tenant). Staff act for one (--tenant) or several (--tenants a,b, or '*' for "
            + "all); an admin given neither gets all, a supervisor or operator must say which."})
final class TokenCommand implements Runnable {
    // the names of dev.vigil.platform.security.Roles and the shape of TenantIds.REGEX: devstack does not depend
    // on platform, a Quarkus library, so both are repeated here
    static final String ADMIN = "admin";
    static final String CUSTOMER = "customer";
    static final List<String> ROLES = List.of(ADMIN, "supervisor", "operator", CUSTOMER);
    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    @ParentCommand
    Vigil vigil;

    @Spec
    CommandSpec spec;

    @Option(names = "--role", required = true, paramLabel = "R",
            description = "admin, supervisor, operator or customer")
    String role;

    @Option(names = "--tenant", paramLabel = "T",
            description = "the one tenant the token is for (required for customer)")
    String tenant;

    @Option(names = "--tenants", paramLabel = "T", split = ",",
            description = "staff only: the tenants the token is for (a,b), or '*' for all (admin's default)")
    List<String> tenants;

    @Option(names = "--user", paramLabel = "U", description = "the subject (default: R@T, or R@vigil)")
    String user;

    @Option(names = "--hours", paramLabel = "H", defaultValue = "12", converter = PositiveNumber.class,
            description = "how long it is valid (default: ${DEFAULT-VALUE})")
    int hours;

    @Override
    public void run() {
        Tenancy tenancy = tenancy();
        if (user != null && user.isBlank()) {
            throw refused("--user needs a name");
        }
        String subject = user != null ? user : role + "@" + (tenant != null ? tenant : "vigil");
        Duration validFor = Duration.ofHours(hours);
        DevTokens tokens = vigil.stack().tokens();
        vigil.out().println(tenancy.tenants() == null ? tokens.token(role, tenancy.tenant(), subject, validFor)
                : tokens.staffToken(role, tenancy.tenants(), subject, validFor));
    }

    /** The tenant claim a token carries: the single {@code tenant}, or the staff {@code tenants} (one is null). */
    record Tenancy(String tenant, List<String> tenants) {
    }

    /** Which tenants the role and options give, or why they give none. */
    private Tenancy tenancy() {
        if (!ROLES.contains(role)) {
            throw refused("unknown role '" + role + "': one of " + String.join(", ", ROLES));
        }
        if (tenant != null && tenants != null) {
            throw refused("give --tenant or --tenants, not both");
        }
        if (role.equals(CUSTOMER) && tenants != null) {
            throw refused("a customer acts for one tenant: use --tenant T, not --tenants");
        }
        if (tenant != null) {
            return new Tenancy(tenantId(tenant), null);
        }
        if (tenants != null) {
            return new Tenancy(null, tenants.equals(List.of(DevTokens.ALL_TENANTS)) ? tenants
                    : tenants.stream().map(this::tenantId).distinct().toList());
        }
        if (role.equals(CUSTOMER)) {
            throw refused("customer tokens need --tenant T");
        }
        if (!role.equals(ADMIN)) {
            throw refused(role + " tokens need --tenant T or --tenants a,b (or '*' for all)");
        }
        return new Tenancy(null, List.of(DevTokens.ALL_TENANTS));
    }

    private String tenantId(String id) {
        if (!TENANT_ID.matcher(id).matches()) {
            throw refused("'" + id + "' is not a tenant id: 1-63 lowercase letters, digits or -"
                    + (id.equals(DevTokens.ALL_TENANTS) ? "; for every tenant: --tenants '*', alone" : ""));
        }
        return id;
    }

    private ParameterException refused(String problem) {
        return new ParameterException(spec.commandLine(), problem);
    }
}

package dev.vigil.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Development JWTs: an RSA key pair generated once into a directory (the local stack's {@code .vigil/jwt},
 * or a test's scratch directory), and tokens signed with it carrying roles and a tenant claim.
 */
public final class DevTokens {
    public static final String ISSUER = "https://vigil.local/devstack";
    public static final String TENANT_CLAIM = "tenant";
    /** Staff tokens: the tenants the holder may see, a list of tenant ids or {@link #ALL_TENANTS}. */
    public static final String TENANTS_CLAIM = "tenants";
    public static final String ALL_TENANTS = "*";
    private static final String PRIVATE_KEY = "private-key.pem";
    private static final String PUBLIC_KEY = "public-key.pem";

    private final Path dir;
    private final PrivateKey privateKey;

    private DevTokens(Path dir, PrivateKey privateKey) {
        this.dir = dir;
        this.privateKey = privateKey;
    }

    /** Loads the key pair from {@code dir}, generating it on first use. */
    public static DevTokens in(Path dir) {
        try {
            Path privatePem = dir.resolve(PRIVATE_KEY);
            if (!Files.exists(privatePem)) {
                generate(dir);
            }
            return new DevTokens(dir, readPrivateKey(privatePem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM file services verify tokens with ({@code mp.jwt.verify.publickey.location}). */
    public Path publicKeyFile() {
        return dir.resolve(PUBLIC_KEY);
    }

    /** A token for {@code user} in {@code role}; {@code tenant} may be null (platform admin). */
    public String token(String role, String tenant, String user, Duration validFor) {
        return sign(claims(role, tenant, user, validFor));
    }

    /**
     * A staff token ({@code admin}, {@code supervisor}, {@code operator}) for several tenants; a list holding only
     * {@link #ALL_TENANTS} gives the claim {@code "*"}, every tenant.
     */
    public String staffToken(String role, List<String> tenants, String user, Duration validFor) {
        JwtClaims claims = claims(role, null, user, validFor);
        if (tenants.equals(List.of(ALL_TENANTS))) {
            claims.setClaim(TENANTS_CLAIM, ALL_TENANTS);
        } else {
            claims.setStringListClaim(TENANTS_CLAIM, tenants);
        }
        return sign(claims);
    }

    public String staffToken(String role, List<String> tenants) {
        return staffToken(role, tenants, role + "@vigil", Duration.ofHours(1));
    }

    /** A platform admin's token: every tenant. */
    public String adminToken() {
        return staffToken("admin", List.of(ALL_TENANTS));
    }

    /** The claims of {@link #token(String, String, String, Duration)}, for a caller to change before signing. */
    public static JwtClaims claims(String role, String tenant, String user, Duration validFor) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(user);
        claims.setClaim("upn", user);
        claims.setStringListClaim("groups", List.of(role));
        if (tenant != null) {
            claims.setClaim(TENANT_CLAIM, tenant);
        }
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(validFor.toSeconds() / 60f);
        claims.setGeneratedJwtId();
        return claims;
    }

    public String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a development token", e);
        }
    }

    public String token(String role, String tenant) {
        return token(role, tenant, role + "@" + (tenant == null ? "vigil" : tenant), Duration.ofHours(1));
    }

    private static void generate(Path dir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path privateFile = dir.resolve(PRIVATE_KEY);
        Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        privateFile.toFile().setReadable(false, false);
        privateFile.toFile().setReadable(true, true);
        Files.writeString(dir.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    private static String pem(String kind, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + kind + "-----\n" + body + "\n-----END " + kind + "-----\n";
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}

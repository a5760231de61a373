package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.cadre.roster.Country;
import org.cadre.server.store.DemoData;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * The contract is one a client generator can use: openapi-generator's Java client ("native", on the JDK's HTTP
 * client and Jackson) is generated from docs/openapi.yaml, compiled, and reads the real application's event report
 * through typed fields, which agree with the JSON the API sends. Its operations come as one API class per area.
 */
class GeneratedClientTest {

    private static final String EVENT = "tot-almaty-2023";
    private static final List<String> AREAS = List.of("Session", "Users", "Curricula", "Directory", "Events", "Delivery",
            "Certification", "Pool", "Reports", "Frameworks", "Erasure");

    private static Path generated;
    private static URLClassLoader client;
    private static Database db;
    private static Javalin app;
    /** The token the generated client logged in with. */
    private static String bearer;

    @BeforeAll
    static void generate_compile_and_start() throws Exception {
        generated = Files.createTempDirectory("cadre-client");
        long start = System.nanoTime();
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName("java").setLibrary("native")
                .setInputSpec(Path.of("..", "docs", "openapi.yaml").toString())
                .setOutputDir(generated.resolve("src").toString())
                .setApiPackage("org.cadre.client.api").setModelPackage("org.cadre.client.model").setInvokerPackage("org.cadre.client")
                // Plain nullable fields rather than JsonNullable, and jakarta annotations: what the tests' class path holds.
                .addAdditionalProperty("openApiNullable", false).addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("hideGenerationTimestamp", true).addAdditionalProperty("annotationLibrary", "none")
                .addGlobalProperty("models", "").addGlobalProperty("apis", "").addGlobalProperty("supportingFiles", "")
                .addGlobalProperty("modelTests", "false").addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelDocs", "false").addGlobalProperty("apiDocs", "false");
        new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
        long generatedAt = System.nanoTime();
        Path classes = compile(generated.resolve("src"), generated.resolve("classes"));
        client = new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedClientTest.class.getClassLoader());
        System.out.printf("GeneratedClientTest: client generated in %d ms, compiled in %d ms%n",
                (generatedAt - start) / 1_000_000, (System.nanoTime() - generatedAt) / 1_000_000);

        db = Database.sqlite(Files.createTempDirectory("cadre-client-db").resolve("cadre.db"));
        AuditLog audit = new AuditLog(Clock.systemUTC());
        DemoData.load(db, audit);
        new Users(db, audit).add(new UserAccount("kz", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of(), false), "test");
        app = CadreApp.create(db).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        if (db != null) {
            db.close();
        }
        if (client != null) {
            client.close();
        }
    }

    /** Compiles every generated source against the tests' class path (Jackson, jakarta.annotation) into {@code out}. */
    private static Path compile(Path sources, Path out) throws Exception {
        Files.createDirectories(out);
        List<File> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, java.nio.charset.StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, fm, diagnostics,
                    List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none", "-nowarn",
                            "-Xlint:none", "--release", "17"),
                    null, fm.getJavaFileObjectsFromFiles(files)).call();
            assertThat(ok).as("the generated client compiles: %s", diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).limit(10).toList()).isTrue();
        }
        assertThat(files).as("sources generated").hasSizeGreaterThan(100);
        return out;
    }

    @Test
    void the_generated_client_reads_the_event_report_through_typed_fields_that_agree_with_the_json() throws Exception {
        Object apiClient = loggedInClient("kz", "pw");
        Object reports = newApi("Reports", apiClient);
        Method eventReport = method(reports, "eventReport", 4);

        Object internal = eventReport.invoke(reports, EVENT, "internal", "json", null);
        Object donor = eventReport.invoke(reports, EVENT, "donor", "json", null);
        ApiClient plain = new ApiClient(app.port());
        JsonNode json = json(plain.send("GET", "/api/v1/events/" + EVENT + "/report?audience=internal", bearer, null).body());
        JsonNode donorJson = json(plain.send("GET", "/api/v1/events/" + EVENT + "/report?audience=donor", bearer, null).body());

        assertThat(internal.getClass().getName()).isEqualTo("org.cadre.client.model.EventReport");
        assertThat(get(internal, "audience", "value")).isEqualTo("internal");
        assertThat(get(internal, "k")).isInstanceOf(Integer.class).isEqualTo(json.get("k").asInt());
        assertThat(get(internal, "participants", "value")).isInstanceOf(Integer.class).isEqualTo(json.at("/participants/value").asInt())
                .isEqualTo(26);
        assertThat(get(internal, "trainers", "value")).isEqualTo(json.at("/trainers/value").asInt());
        assertThat(get(internal, "event", "firstDay")).isEqualTo(LocalDate.parse(json.at("/event/firstDay").asText()));
        assertThat(get(internal, "event", "courseDays")).isInstanceOf(Integer.class).isEqualTo(json.at("/event/courseDays").asInt());
        assertThat(get(internal, "event", "kind", "value")).isEqualTo("tot");
        assertThat(get(internal, "participantsByCountryAndSex", "rows")).isEqualTo(List.of("KZ", "TJ", "UZ"));
        assertThat(get(internal, "participantsByCountryAndSex", "total", "value")).isEqualTo(json.at("/participantsByCountryAndSex/total/value").asInt());
        assertThat(get(internal, "attendance", "percent")).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) get(internal, "attendance", "percent")).isEqualByComparingTo(json.at("/attendance/percent").decimalValue());
        assertThat(get(internal, "knowledge", "pairs", "value")).isInstanceOf(Integer.class).isEqualTo(json.at("/knowledge/pairs/value").asInt());
        assertThat((BigDecimal) get(internal, "knowledge", "post", "value")).isEqualByComparingTo(json.at("/knowledge/post/value").decimalValue());
        assertThat(get(internal, "knowledge", "scoreDistribution", "columns")).isEqualTo(List.of("pre", "post"));
        assertThat((List<?>) get(internal, "feedback", "sessions")).hasSize(json.at("/feedback/sessions").size());
        assertThat(get(internal, "notes")).isEqualTo(JsonMapper.builder().build().convertValue(json.get("notes"), List.class));
        // Withheld and absent values arrive as such: a suppressed cell without a value, no score bands for a donor.
        assertThat(get(donor, "trainers", "suppressed")).isEqualTo(true).isEqualTo(donorJson.at("/trainers/suppressed").asBoolean());
        assertThat(get(donor, "trainers", "value")).isNull();
        assertThat(get(donor, "knowledge", "scoreDistribution")).isNull();
        assertThat(get(donor, "participants", "value")).isEqualTo(donorJson.at("/participants/value").asInt());
    }

    @Test
    void the_operations_come_as_one_api_class_per_area() throws Exception {
        Map<String, Integer> operations = new TreeMap<>();
        for (String area : AREAS) {
            Class<?> api = client.loadClass("org.cadre.client.api." + area + "Api");
            operations.put(area, (int) Arrays.stream(api.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getName().endsWith("WithHttpInfo"))
                    .map(Method::getName).distinct().count());
        }
        long apiClasses;
        try (Stream<Path> files = Files.list(generated.resolve("classes/org/cadre/client/api"))) {
            apiClasses = files.filter(f -> f.getFileName().toString().matches("[A-Za-z]+Api\\.class")).count();
        }

        assertThat(apiClasses).as("API classes generated").isEqualTo(AREAS.size());
        // One method per operation of the contract (57 before GET attendance).
        long documented = Files.readAllLines(Path.of("..", "docs", "openapi.yaml")).stream().filter(l -> l.trim().startsWith("operationId:")).count();
        assertThat(operations.values().stream().mapToInt(Integer::intValue).sum()).as("operations, per area %s", operations)
                .isEqualTo((int) documented);
        assertThat(documented).as("operations in the contract").isGreaterThanOrEqualTo(58);
        assertThat(operations.values()).as("operations per area %s", operations).allMatch(n -> n >= 2 && n <= 13);
    }

    /** A generated ApiClient for the app that logs in through the generated SessionApi and sends the token. */
    private static Object loggedInClient(String user, String password) throws Exception {
        Object apiClient = client.loadClass("org.cadre.client.ApiClient").getConstructor().newInstance();
        apiClient.getClass().getMethod("updateBaseUri", String.class).invoke(apiClient, "http://127.0.0.1:" + app.port());
        Object login = client.loadClass("org.cadre.client.model.Login").getConstructor().newInstance();
        login.getClass().getMethod("setUsername", String.class).invoke(login, user);
        login.getClass().getMethod("setPassword", String.class).invoke(login, password);
        Object sessionApi = newApi("Session", apiClient);
        Object session = sessionApi.getClass().getMethod("login", login.getClass()).invoke(sessionApi, login);
        bearer = (String) get(session, "token");
        Consumer<HttpRequest.Builder> authorise = b -> b.header("Authorization", "Bearer " + bearer);
        apiClient.getClass().getMethod("setRequestInterceptor", Consumer.class).invoke(apiClient, authorise);
        return apiClient;
    }

    private static Object newApi(String area, Object apiClient) throws Exception {
        return client.loadClass("org.cadre.client.api." + area + "Api").getConstructor(apiClient.getClass()).newInstance(apiClient);
    }

    private static Method method(Object target, String name, int parameters) {
        return Arrays.stream(target.getClass().getMethods()).filter(m -> m.getName().equals(name) && m.getParameterCount() == parameters)
                .findFirst().orElseThrow(() -> new AssertionError(target.getClass() + " has no " + name + " of " + parameters + " parameters"));
    }

    /** Follows getters ({@code get(report, "knowledge", "pairs", "value")}); an enum's "value" is its wire value. */
    private static Object get(Object from, String... path) throws Exception {
        Object at = from;
        for (String property : path) {
            if (at == null) {
                return null;
            }
            at = at.getClass().getMethod("get" + Character.toUpperCase(property.charAt(0)) + property.substring(1)).invoke(at);
        }
        return at;
    }

    private static JsonNode json(String body) throws Exception {
        return JsonMapper.builder().build().readTree(body);
    }
}

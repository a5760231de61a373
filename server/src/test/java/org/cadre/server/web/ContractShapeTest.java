package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.tags.Tag;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.cadre.reporting.EventReport;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.ProgrammeReport;
import org.cadre.reporting.ProgrammeReports;
import org.cadre.reporting.demo.DemoResults;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.reporting.render.JsonRenderer;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.Test;

/**
 * The contract is one a client generator can use: every operation named and tagged by its area, every object
 * schema named and closed, the reports typed field by field. And it is strict: a report that strays from it in
 * any field (one too many, one missing, a count as text) is refused by the same validator that checks every
 * exchange of the API tests ({@link ApiClient#CONTRACT}).
 */
class ContractShapeTest {

    private static final OpenAPI API = new io.swagger.v3.parser.OpenAPIV3Parser().read(Path.of("..", "docs", "openapi.yaml").toString());

    /** Problem documents are open by RFC 9457 (extension members); every other object the API sends or takes is closed. */
    private static final List<String> OPEN_BY_DESIGN = List.of("Problem");

    private static Map<String, Operation> operations() {
        Map<String, Operation> all = new LinkedHashMap<>();
        API.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> all.put(method + " " + path, op)));
        return all;
    }

    @Test
    void every_operation_has_an_id_and_one_tag_of_its_area_and_every_area_has_operations() {
        List<String> declared = java.util.Optional.ofNullable(API.getTags()).orElse(List.of()).stream().map(Tag::getName).toList();
        Map<String, Integer> perTag = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        operations().forEach((name, op) -> {
            if (op.getOperationId() == null || op.getOperationId().isBlank()) {
                problems.add(name + " has no operationId");
            }
            if (op.getTags() == null || op.getTags().size() != 1 || !declared.contains(op.getTags().get(0))) {
                problems.add(name + " is not tagged with one declared area: " + op.getTags());
            } else {
                perTag.merge(op.getTags().get(0), 1, Integer::sum);
            }
        });

        assertThat(problems).isEmpty();
        assertThat(operations().values().stream().map(Operation::getOperationId).distinct()).hasSize(operations().size());
        assertThat(perTag.keySet()).as("operations per area: %s", perTag).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(perTag.values()).as("no area holds most of the API: %s", perTag).allMatch(n -> n <= operations().size() / 3);
    }

    /**
     * The server refuses a query parameter its operation does not read (a misspelt {@code audiance} gave the internal
     * report); the list it holds for each operation is the contract's, no more and no less.
     */
    @Test
    void each_operation_reads_exactly_the_query_parameters_the_contract_gives_it() {
        Map<String, List<String>> contract = new TreeMap<>();
        API.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            List<io.swagger.v3.oas.models.parameters.Parameter> parameters = new ArrayList<>();
            java.util.Optional.ofNullable(item.getParameters()).ifPresent(parameters::addAll);
            java.util.Optional.ofNullable(op.getParameters()).ifPresent(parameters::addAll);
            contract.put(method + " " + path, parameters.stream().filter(p -> "query".equals(p.getIn()))
                    .map(io.swagger.v3.oas.models.parameters.Parameter::getName).sorted().toList());
        }));
        Map<String, List<String>> server = new TreeMap<>();
        contract.keySet().forEach(operation -> {
            String[] parts = operation.split(" ", 2);
            server.put(operation, Api.queryParameters(parts[0], parts[1]).stream().sorted().toList());
        });

        assertThat(server).isEqualTo(contract);
        // Every operation may answer 400 for a query it does not read (or one sent twice, or not encoded as a query
        // must be), so every operation lists it (the newcomer's review of session 21: 26 did not).
        assertThat(operations().entrySet()).filteredOn(e -> e.getValue().getResponses() == null || !e.getValue().getResponses().containsKey("400"))
                .extracting(Map.Entry::getKey).as("operations without a 400").isEmpty();
        assertThat(contract.keySet()).as("every operation the server lists parameters for is in the contract")
                .containsAll(Api.QUERY_PARAMETERS.keySet());
    }

    /** The operations the server answers without a token are those the contract gives no {@code security}. */
    @Test
    void the_operations_anyone_may_call_are_those_the_contract_asks_no_token_for() {
        List<String> open = new ArrayList<>();
        API.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            if (op.getSecurity() == null || op.getSecurity().isEmpty()) {
                open.add(method + " " + path);
            }
        }));
        assertThat(Api.PUBLIC_OPERATIONS).containsExactlyInAnyOrderElementsOf(open);
    }

    @Test
    void every_object_schema_is_a_named_component_and_closed() {
        List<String> problems = new ArrayList<>();
        operations().forEach((name, op) -> {
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> inline(p.getSchema(), name + " parameter " + p.getName(), problems));
            }
            if (op.getRequestBody() != null) {
                content(op.getRequestBody().getContent(), name + " request", problems);
            }
            op.getResponses().forEach((code, r) -> content(r.getContent(), name + " " + code, problems));
        });
        API.getComponents().getSchemas().forEach((name, s) -> {
            if (s.getProperties() != null && !OPEN_BY_DESIGN.contains(name) && !Boolean.FALSE.equals(s.getAdditionalProperties())) {
                problems.add(name + " admits fields it does not name");
            }
            nested(s, name, problems);
        });

        assertThat(problems).as("anonymous or open object schemas").isEmpty();
    }

    @Test
    void the_reports_name_every_field_of_the_records_and_require_each() {
        for (Class<? extends Record> type : List.of(EventReport.class, ProgrammeReport.class)) {
            Schema<?> schema = API.getComponents().getSchemas().get(type.getSimpleName());
            List<String> fields = Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();

            assertThat(schema.getProperties().keySet()).as(type.getSimpleName()).containsExactlyInAnyOrderElementsOf(fields);
            assertThat(schema.getRequired()).as(type.getSimpleName()).containsExactlyInAnyOrderElementsOf(fields);
            assertThat(schema.getAdditionalProperties()).isEqualTo(false);
        }
    }

    @Test
    void a_report_that_strays_from_the_contract_in_any_field_is_refused() throws Exception {
        String event = JsonRenderer.render(EventReports.of(DemoRoster.almatyTot(), Disclosure.forAudience(Audience.DONOR)));
        String programme = JsonRenderer.render(ProgrammeReports.of(DemoRoster.programme(), List.of(DemoRoster.almatyTot(),
                DemoRoster.dushanbeCascade()), DemoRoster.pool(), DemoResults.framework(), LocalDate.of(2023, 1, 1),
                LocalDate.of(2024, 12, 31), Disclosure.forAudience(Audience.PUBLIC)));
        String eventPath = "/api/v1/events/tot-almaty-2023/report";
        String programmePath = "/api/v1/programmes/p/report";

        assertThat(messages(eventPath, event)).as("the demo's donor event report as rendered").isEmpty();
        assertThat(messages(programmePath, programme)).as("the demo's public programme report as rendered").isEmpty();
        assertThat(messages(eventPath, changed(event, r -> ((ObjectNode) r.get("knowledge")).put("median", 3))))
                .as("a field the contract does not name").isNotEmpty();
        assertThat(messages(eventPath, changed(event, r -> ((ObjectNode) r.get("practice")).remove("passed"))))
                .as("a field missing").isNotEmpty();
        assertThat(messages(eventPath, changed(event, r -> ((ObjectNode) r.get("participants")).put("value", "26"))))
                .as("a count as text").isNotEmpty();
        assertThat(messages(eventPath, changed(event, r -> ((ObjectNode) r.get("knowledge")).putObject("scoreDistribution"))))
                .as("an empty table where a table or null belongs").isNotEmpty();
        assertThat(messages(eventPath, changed(event, r -> ((ObjectNode) r.get("attendance")).put("percent", "95.9"))))
                .as("a percentage as text").isNotEmpty();
        assertThat(messages(programmePath, changed(programme, r -> ((ObjectNode) r.get("indicators").get(0)).put("targetPeriod", "2023"))))
                .as("a period as text").isNotEmpty();
        assertThat(messages(programmePath, changed(programme, r -> ((ObjectNode) r.get("indicators").get(0).get("count"))
                .remove("suppressed")))).as("a cell without its suppressed flag").isNotEmpty();
        assertThat(messages(programmePath, changed(programme, r -> ((ObjectNode) r.get("events").get(0)).put("guestTrainers", -1))))
                .as("a negative count").isNotEmpty();
    }

    private static List<String> messages(String path, String body) {
        var response = SimpleResponse.Builder.status(200).withContentType("application/json").withBody(body).build();
        return ApiClient.CONTRACT.validateResponse(path, Request.Method.GET, response).getMessages().stream()
                .map(m -> m.getMessage()).toList();
    }

    private static String changed(String json, Consumer<ObjectNode> change) throws Exception {
        ObjectNode tree = (ObjectNode) JsonRenderer.mapper().readTree(json);
        change.accept(tree);
        return tree.toString();
    }

    private static void content(Content content, String where, List<String> problems) {
        if (content != null) {
            content.forEach((type, media) -> inline(media.getSchema(), where + " " + type, problems));
        }
    }

    /** A schema where only a name belongs: a reference, a scalar, or an array or map of such. */
    private static void inline(Schema<?> s, String where, List<String> problems) {
        if (s == null || s.get$ref() != null) {
            return;
        }
        if (s.getProperties() != null) {
            problems.add(where + " is an anonymous object");
        }
        nested(s, where, problems);
    }

    @SuppressWarnings("rawtypes") // swagger-models declares its parts as List<Schema>
    private static void nested(Schema<?> s, String where, List<String> problems) {
        if (s.getProperties() != null) {
            s.getProperties().forEach((name, p) -> inline(p, where + "." + name, problems));
        }
        if (s.getItems() != null) {
            inline(s.getItems(), where + "[]", problems);
        }
        if (s.getAdditionalProperties() instanceof Schema<?> values) {
            inline(values, where + "{}", problems);
        }
        for (List<Schema> parts : Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
            if (parts != null) {
                parts.forEach(p -> inline(p, where + " part", problems));
            }
        }
    }
}

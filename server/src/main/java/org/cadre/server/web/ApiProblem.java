package org.cadre.server.web;

import java.util.List;
import org.cadre.finding.Findings;

/** A refusal a handler throws; the application answers it as its problem document. */
final class ApiProblem extends RuntimeException {

    private final Problem problem;

    ApiProblem(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }

    static ApiProblem notFound(String what) {
        return new ApiProblem(Problem.of("not-found", "Not found", 404, "There is no such " + what + " that you can see."));
    }

    static ApiProblem forbidden(String detail) {
        return forbidden(detail, List.of());
    }

    /** As {@link #forbidden(String)}, naming the field whose value the user may not ask for (a programme's internal audience). */
    static ApiProblem forbidden(String detail, List<String> errors) {
        return new ApiProblem(new Problem("https://cadre.example/problems/forbidden", "Forbidden", 403, detail, errors));
    }

    static ApiProblem invalid(String detail, List<String> errors) {
        return new ApiProblem(Problem.invalid(detail, errors));
    }

    /** As {@link #invalid(String, List)}, with the findings of rules that refused other parts of the same request. */
    static ApiProblem invalid(String detail, List<String> errors, Findings findings) {
        return new ApiProblem(new Problem("https://cadre.example/problems/invalid-fields", "Invalid fields", 400, detail, errors,
                findings.stream().map(FindingView::of).toList()));
    }

    static ApiProblem conflict(String detail) {
        return conflict(detail, List.of());
    }

    /** As {@link #conflict(String)}, with what stands in the way, each naming where it is. */
    static ApiProblem conflict(String detail, List<String> errors) {
        return new ApiProblem(new Problem("https://cadre.example/problems/conflict", "Conflict", 409, detail, errors));
    }

    static ApiProblem stale() {
        return new ApiProblem(Problem.of("precondition-failed", "Changed since you read it", 412,
                "The resource has changed since the version named in If-Match; read it again and retry."));
    }

    /** If-Match named weak tags only: they never match a change, whatever the version. */
    static ApiProblem onlyWeakTags() {
        return new ApiProblem(Problem.of("precondition-failed", "Weak entity tags never match a change", 412,
                "If-Match names only weak entity tags (W/\"3\"), which never match a change (RFC 9110 compares strongly); send the ETag"
                        + " as read, without W/ (a proxy may have weakened it)."));
    }

    static ApiProblem versionRequired() {
        return new ApiProblem(Problem.of("precondition-required", "If-Match required", 428,
                "Send If-Match with the ETag of the record as you read it, so that no one else's change is overwritten unknowingly."));
    }

    /** A business rule refused the change: 422 with the rules' findings. */
    static ApiProblem refused(String detail, Findings findings) {
        return refused(detail, List.of(), findings);
    }

    /** As {@link #refused(String, Findings)}, with the findings' words also as errors naming their fields. */
    static ApiProblem refused(String detail, List<String> errors, Findings findings) {
        return new ApiProblem(new Problem("https://cadre.example/problems/refused", "Refused by a rule", 422, detail,
                errors, findings.stream().map(FindingView::of).toList()));
    }

    static ApiProblem unprocessable(String detail, List<String> errors) {
        return unprocessable(detail, errors, Findings.none());
    }

    /** As {@link #unprocessable(String, List)}, with the findings behind the errors, for their codes. */
    static ApiProblem unprocessable(String detail, List<String> errors, Findings findings) {
        return new ApiProblem(new Problem("https://cadre.example/problems/unprocessable", "Unprocessable", 422, detail, errors,
                findings.stream().map(FindingView::of).toList()));
    }
}

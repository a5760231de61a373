package org.cadre.server.web.pages;

import org.cadre.server.app.Outcome;

/** A use case's refusal met while building a page: answered by an error page with the refusal's status and words. */
final class PageProblem extends RuntimeException {

    private final transient Outcome<?> outcome;

    PageProblem(Outcome<?> outcome) {
        super(outcome.detail(), null, false, false);
        this.outcome = outcome;
    }

    Outcome<?> outcome() {
        return outcome;
    }

    /** The HTTP status a refusal is answered with, as the API answers it. */
    int status() {
        return switch (outcome.refusal().orElseThrow()) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT, STALE, MISSING_PREREQUISITE -> 409;
            case VERSION_REQUIRED -> 428;
            case UNPROCESSABLE, RULES -> 422;
            case UNAUTHENTICATED -> 401;
            case THROTTLED -> 429;
            case TOO_LARGE -> 413;
            case BUSY -> 503;
        };
    }
}

-- Programme periods and results frameworks.
-- Portable across SQLite and PostgreSQL: plain types; ids chosen by the application. Figures (baselines,
-- targets, actuals: at most 4 decimals, below 10^11, checked by the domain) are stored exactly as whole
-- numbers of ten-thousandths (12.5 is 125000): SQLite keeps decimals as binary floating point.

-- When a programme runs (its agreement's first and last day), if recorded: both or neither.
ALTER TABLE programme ADD COLUMN period_start DATE;
ALTER TABLE programme ADD COLUMN period_end DATE;

-- A programme's results framework, written and versioned as one document: every change to it (indicators,
-- targets, entered actuals) names the version it starts from. A programme without a row has none.
CREATE TABLE results_framework (
    programme_id    VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES programme (id) ON DELETE CASCADE,
    version         INTEGER      NOT NULL
);

-- Its indicators, in the framework's order. A standard indicator names the metric its actual is computed
-- by; a custom one (metric NULL) has actuals entered by staff.
CREATE TABLE framework_indicator (
    programme_id    VARCHAR(64)  NOT NULL REFERENCES results_framework (programme_id) ON DELETE CASCADE,
    indicator_id    VARCHAR(64)  NOT NULL,
    position        INTEGER      NOT NULL,
    title           VARCHAR(400) NOT NULL,
    metric          VARCHAR(40),
    measure         VARCHAR(20)  NOT NULL,
    baseline_x10000 BIGINT       NOT NULL,
    PRIMARY KEY (programme_id, indicator_id),
    UNIQUE (programme_id, position)
);

-- Targets per period; a target without a period (both days NULL) is the whole programme's.
CREATE TABLE indicator_target (
    programme_id    VARCHAR(64)  NOT NULL,
    indicator_id    VARCHAR(64)  NOT NULL,
    position        INTEGER      NOT NULL,
    first_day       DATE,
    last_day        DATE,
    target_x10000   BIGINT       NOT NULL,
    PRIMARY KEY (programme_id, indicator_id, position),
    FOREIGN KEY (programme_id, indicator_id) REFERENCES framework_indicator (programme_id, indicator_id) ON DELETE CASCADE,
    CHECK ((first_day IS NULL AND last_day IS NULL) OR (first_day IS NOT NULL AND last_day IS NOT NULL))
);

-- A custom indicator's actuals as staff entered them, one per period, with what they rest on.
CREATE TABLE indicator_actual (
    programme_id    VARCHAR(64)  NOT NULL,
    indicator_id    VARCHAR(64)  NOT NULL,
    first_day       DATE         NOT NULL,
    last_day        DATE         NOT NULL,
    actual_x10000   BIGINT       NOT NULL,
    note            VARCHAR(1000),
    PRIMARY KEY (programme_id, indicator_id, first_day, last_day),
    FOREIGN KEY (programme_id, indicator_id) REFERENCES framework_indicator (programme_id, indicator_id) ON DELETE CASCADE
);

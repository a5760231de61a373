/**
 * Reports for staff and donors: statistics as pure functions returning records, disclosure control, and
 * renderers (JSON, CSV with HXL, HTML, IATI XML). Built on roster-core.
 */
package org.cadre.reporting;

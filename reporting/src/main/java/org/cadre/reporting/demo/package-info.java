/** The demo programme's results framework ({@link org.cadre.reporting.demo.DemoResults}). */
package org.cadre.reporting.demo;

/**
 * The trading standards premises report: a test purchase, complaint or inspection at a shop, and
 * what was found (an under-age vape sale, illicit vapes, suspected facilitation of crime).
 */
package uk.crossline.intake.tradingstandards;

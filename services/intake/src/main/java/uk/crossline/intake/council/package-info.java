/** The council's report: anti-social behaviour, cuckooing and exploitation concerns. */
package uk.crossline.intake.council;

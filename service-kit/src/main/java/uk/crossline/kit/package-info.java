/** What every Crossline service does alike, as Spring Boot auto-configuration. */
package uk.crossline.kit;

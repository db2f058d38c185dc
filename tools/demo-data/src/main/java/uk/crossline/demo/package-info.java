/** Loads a synthetic demo data set into a running hub, through the real intake and real tokens. */
package uk.crossline.demo;

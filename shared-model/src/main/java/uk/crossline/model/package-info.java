/** The vocabulary every Crossline service shares: agencies, callers, topics and (soon) events. */
package uk.crossline.model;

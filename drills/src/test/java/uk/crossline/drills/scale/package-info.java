/**
 * Scale-out: two instances each of the indexer and the alerts service in one consumer group per
 * service, on topics of six partitions, lose, repeat and reorder nothing, one of each killed
 * mid-stream.
 */
package uk.crossline.drills.scale;

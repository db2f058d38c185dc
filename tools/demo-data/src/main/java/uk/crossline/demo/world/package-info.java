/**
 * The synthetic world the demo reports describe: county lines from Birmingham and Dudley, the
 * phones, vehicles and handles they use, the shops they touch and the places they work in.
 */
package uk.crossline.demo.world;

/** The web portal: the pages people use, server-rendered, calling the hub's APIs as them. */
package uk.crossline.portal;

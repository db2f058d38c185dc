/** Why the person is consulting the hub: asked once per task, sent with every consultation. */
package uk.crossline.portal.purpose;

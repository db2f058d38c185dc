/** How every strict JSON reader of the hub explains a refusal: the field's path and a reason. */
package uk.crossline.model.json;

package uk.crossline.indexer.rebuild;

import java.util.Optional;

/**
 * The projection as an operator sees it.
 *
 * @param live the generation search reads
 * @param building the generation a rebuild is writing, on any instance
 * @param rebuild the rebuild this instance ran last, or runs now
 */
record ProjectionState(int live, Optional<Integer> building, Optional<RebuildStatus> rebuild) {}

package uk.crossline.model.event;

import tools.jackson.databind.node.ObjectNode;

/**
 * Lifts an event written under an older schema version to the current one, one version at a time,
 * so consumers read every version they have ever seen. Version 1 is the first and current version:
 * when version 2 comes, its upgrade from 1 goes here, and the version 1 sample stays in the tests.
 */
final class SchemaUpgrades {

  private SchemaUpgrades() {}

  static ObjectNode toCurrent(ObjectNode event, int fromVersion) {
    ObjectNode upgraded = event;
    for (int version = fromVersion; version < IntelligenceEvent.CURRENT_SCHEMA_VERSION; version++) {
      upgraded = upgrade(upgraded, version);
    }
    return upgraded;
  }

  private static ObjectNode upgrade(ObjectNode event, int fromVersion) {
    throw new IllegalStateException("no upgrade from schema version " + fromVersion + " yet");
  }
}

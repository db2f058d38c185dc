package uk.crossline.model.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The values a dotted path reaches in a JSON document, read as Elasticsearch reads them: arrays of
 * objects and of values are flattened, and a keyword is compared as text.
 */
final class DocumentValues {

  /** The few field paths the policy reads, split once. */
  private static final Map<String, String[]> PATHS = new ConcurrentHashMap<>();

  private DocumentValues() {}

  static List<String> of(Map<String, ?> document, String path) {
    List<String> values = new ArrayList<>(2);
    any(
        document,
        path,
        value -> {
          values.add(value);
          return false;
        });
    return values;
  }

  /** Whether any value the path reaches passes the test; stops at the first that does. */
  static boolean any(Map<String, ?> document, String path, Predicate<String> test) {
    return any(document, PATHS.computeIfAbsent(path, p -> p.split("\\.", -1)), 0, test);
  }

  private static boolean any(Object node, String[] path, int depth, Predicate<String> test) {
    if (node instanceof Collection<?> elements) {
      for (Object element : elements) {
        if (element != null && any(element, path, depth, test)) {
          return true;
        }
      }
      return false;
    }
    if (node instanceof Object[] elements) {
      return any(Arrays.asList(elements), path, depth, test);
    }
    if (depth == path.length) {
      return switch (node) {
        case String text -> test.test(text);
        case Enum<?> constant -> test.test(constant.name());
        case Number number -> test.test(number.toString());
        case Boolean flag -> test.test(flag.toString());
        // An object where a value was expected matches nothing, as in Elasticsearch.
        default -> false;
      };
    }
    if (!(node instanceof Map<?, ?> object)) {
      return false;
    }
    Object child = object.get(path[depth]);
    return child != null && any(child, path, depth + 1, test);
  }
}

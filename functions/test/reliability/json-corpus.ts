/**
 * A JSONTestSuite-style corpus (github.com/nst/JSONTestSuite, reliability.md anchor 21), generated
 * rather than vendored: `n_` bodies every JSON parser must refuse, and `i_`-like bodies that parse
 * but that parsers disagree on or that a boundary must still refuse (duplicate keys, absurd nesting,
 * numbers beyond double range, lone surrogates, prototype keys). Each is built around `inner`, a
 * valid body of the route under test, so that a lenient parser would otherwise have accepted it.
 */
export interface CorpusCase {
  readonly name: string;
  readonly body: string | Uint8Array;
}

const bytes = (...parts: (string | number[] | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

/** Malformed JSON (must be refused by every parser). */
export function nCases(inner: string): CorpusCase[] {
  const open = inner.slice(0, -1); // without its closing brace
  const cases: [string, string | Uint8Array][] = [
    ["n_structure_unclosed_object", open],
    ["n_structure_unclosed_array", `[${inner}`],
    ["n_structure_close_unopened_array", `${inner}]`],
    ["n_structure_trailing_garbage", `${inner}x`],
    ["n_structure_two_values", `${inner}${inner}`],
    ["n_structure_object_after_value", `${inner} {}`],
    ["n_object_trailing_comma", `${open},}`],
    ["n_object_double_comma", `${open},,"a":1}`],
    ["n_array_trailing_comma", `[1,2,]`],
    ["n_array_leading_comma", `[,1]`],
    ["n_object_missing_colon", `{"a" 1}`],
    ["n_object_missing_value", `{"a":}`],
    ["n_object_unquoted_key", `{a:1}`],
    ["n_object_single_quoted_key", `{'a':1}`],
    ["n_string_single_quote", `{"a":'b'}`],
    ["n_object_non_string_key", `{1:1}`],
    ["n_number_NaN", `{"a":NaN}`],
    ["n_number_Infinity", `{"a":Infinity}`],
    ["n_number_minus_Infinity", `{"a":-Infinity}`],
    ["n_number_leading_zero", `{"a":012}`],
    ["n_number_plus_sign", `{"a":+1}`],
    ["n_number_hex", `{"a":0x1F}`],
    ["n_number_dot_only", `{"a":.5}`],
    ["n_number_trailing_dot", `{"a":1.}`],
    ["n_number_exponent_without_digits", `{"a":1e}`],
    ["n_literal_capitalised", `{"a":True}`],
    ["n_literal_undefined", `{"a":undefined}`],
    ["n_string_invalid_escape", `{"a":"\\x41"}`],
    ["n_string_invalid_unicode_escape", `{"a":"\\u12G4"}`],
    ["n_string_truncated_unicode_escape", `{"a":"\\u12"}`],
    ["n_string_unescaped_tab", `{"a":"x\ty"}`],
    ["n_string_unescaped_newline", `{"a":"x\ny"}`],
    ["n_string_unescaped_NUL", `{"a":"x\u0000y"}`],
    ["n_string_unterminated", `{"a":"abc}`],
    ["n_comment_line", `// c\n${inner}`],
    ["n_comment_block", `${open} /* c */}`],
    ["n_structure_BOM_then_value", `\uFEFF${inner}`],
    ["n_structure_NUL_before_value", `\u0000${inner}`],
    ["n_structure_whitespace_only", " \t\r\n "],
    ["n_structure_lone_open_brace", "{"],
    ["n_structure_U+2060_word_joiner", `\u2060${inner}`],
    ["n_structure_deep_unclosed", "[".repeat(100_000)],
    // Bytes that are not UTF-8 (a JSON text must be UTF-8: RFC 8259 §8.1).
    ["n_bytes_lone_surrogate_in_raw_bytes", bytes('{"a":"', [0xed, 0xa0, 0x80], '"}')],
    ["n_bytes_overlong_slash", bytes('{"a":"', [0xc0, 0xaf], '"}')],
    ["n_bytes_invalid_continuation", bytes('{"a":"', [0x80, 0xbf], '"}')],
    ["n_bytes_truncated_sequence", bytes('{"a":"', [0xe6, 0x97], '"}')],
    ["n_bytes_latin1_vietnamese", bytes('{"a":"Nguy', [0xea, 0x6e], '"}')],
    ["n_bytes_utf16le_bom", bytes([0xff, 0xfe], Buffer.from(inner, "utf16le"))],
    ["n_bytes_5_byte_sequence", bytes('{"a":"', [0xf8, 0x88, 0x80, 0x80, 0x80], '"}')],
  ];
  return cases.map(([name, body]) => ({ name, body }));
}

/** Valid JSON that a boundary must still refuse (or refuse per item): implementation-defined territory. */
export function iCases(key: string): CorpusCase[] {
  return [
    { name: "i_object_duplicate_key", body: `{"${key}":[],"${key}":[]}` },
    { name: "i_object_duplicate_key_nested", body: `{"${key}":[{"a":1,"a":2}]}` },
    { name: "i_structure_500_nested_arrays", body: `{"${key}":${"[".repeat(500)}${"]".repeat(500)}}` },
    { name: "i_structure_10000_nested_objects", body: `{"${key}":[${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}]}` },
    { name: "i_number_huge_exponent", body: `{"${key}":[1e999]}` },
    { name: "i_number_neg_huge_exponent", body: `{"${key}":-1e999}` },
    { name: "i_number_very_long_integer", body: `{"${key}":${"9".repeat(5000)}}` },
    { name: "i_number_2^53+1", body: `{"${key}":9007199254740993}` },
    { name: "i_string_lone_high_surrogate_escape", body: `{"${key}":"\\uD800"}` },
    { name: "i_string_lone_low_surrogate_escape", body: `{"${key}":["\\uDFFF"]}` },
    { name: "i_string_escaped_NUL", body: `{"${key}":"\\u0000"}` },
    { name: "i_object___proto__", body: `{"__proto__":{"polluted":true},"${key}":"x"}` },
    { name: "i_object_constructor_prototype", body: `{"constructor":{"prototype":{"polluted":true}}}` },
    { name: "i_top_level_scalar", body: `"${key}"` },
    { name: "i_top_level_null", body: "null" },
    { name: "i_top_level_array", body: "[]" },
    { name: "i_key_with_NUL", body: `{"${key}\\u0000":[]}` },
    { name: "i_string_1MB", body: `{"${key}":"${"x".repeat(1_048_600)}"}` },
  ];
}

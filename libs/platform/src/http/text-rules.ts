/**
 * "Not blank": at least one character that String.prototype.trim() keeps. Spelled as an explicit
 * class, not `\S`: the OpenAPI document carries this pattern to clients and testers whose regex
 * engines read `\s` differently (Python's ASCII mode, Rust's Unicode tables), and the server must
 * accept exactly what the document allows.
 */
export const NOT_BLANK = /[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

// Test helper, not a test: a minimal RFC 4180 reader (quoted fields, doubled
// quotes, CRLF or LF), so tests check the bytes a spreadsheet or Anki reads.
export function parseDelimited(
  input: string,
  options: { delimiter?: string; bom?: boolean; columns?: boolean } = {},
) {
  const text = options.bom ? input.replace(/^\uFEFF/, "") : input;
  const delimiter = options.delimiter ?? ",";
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = "";
  };
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"' && field === "") quoted = true;
    else if (character === delimiter) endField();
    else if (character === "\n" || character === "\r") {
      if (character === "\r" && text[index + 1] === "\n") index++;
      endField();
      records.push(record);
      record = [];
    } else field += character;
  }
  if (field !== "" || record.length > 0) {
    endField();
    records.push(record);
  }
  if (!options.columns) return records;
  const [header, ...body] = records;
  return body.map((values) => Object.fromEntries(header!.map((name, index) => [name, values[index]])));
}

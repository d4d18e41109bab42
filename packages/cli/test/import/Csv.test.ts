import { describe, expect, it } from "vitest"
import * as Csv from "../../src/import/Csv.js"

describe("Csv.split", () => {
  it("reads quoted fields with separators, doubled quotes and line breaks inside", () => {
    expect(Csv.split('a;"b;c";"say ""hi""";"two\r\nlines"\r\nd;e;f;g\r\n', ";")).toEqual([
      ["a", "b;c", 'say "hi"', "two\r\nlines"],
      ["d", "e", "f", "g"]
    ])
  })

  it("keeps a quote in the middle of a field as text and empty fields as empty", () => {
    expect(Csv.split("van 't Hoff,,x\n", ",")).toEqual([["van 't Hoff", "", "x"]])
  })

  it("reads the last record without a line break, and no record for a trailing line break", () => {
    expect(Csv.split("a,b\nc,d", ",")).toEqual([
      ["a", "b"],
      ["c", "d"]
    ])
    expect(Csv.split("a,b\n", ",")).toEqual([["a", "b"]])
  })
})

describe("Csv.parse", () => {
  it("detects the semicolon of a Dutch Excel export even when the data contains commas", () => {
    const parsed = Csv.parse("Naam;Interesses\r\nJan;ai, data\r\nPiet;sabotage, ego\r\n")
    expect(parsed.delimiter).toBe(";")
    expect(parsed.rows[1]).toEqual(["Jan", "ai, data"])
  })

  it("detects commas, and tabs", () => {
    expect(Csv.parse("name,email\nJan,jan@minfin.nl\n").delimiter).toBe(",")
    expect(Csv.parse("name\temail\nJan\tjan@minfin.nl\n").delimiter).toBe("\t")
  })

  it("detects the separator below a title row", () => {
    const parsed = Csv.parse("Ledenlijst, december\n\nNaam;E-mail;Organisatie\nJan;j@x.nl;BZK\nPiet;p@x.nl;VWS\n")
    expect(parsed.delimiter).toBe(";")
  })

  it("honours Excel's sep= line and drops a byte-order mark", () => {
    const parsed = Csv.parse("\uFEFFsep=,\r\nNaam;Organisatie,x\r\n")
    expect(parsed).toEqual({ delimiter: ",", rows: [["Naam;Organisatie", "x"]], sepLine: true })
  })
})

describe("Csv: separators and pieces (issue 14)", () => {
  it("reads a ;-separated export whose interests column holds comma lists as ;", () => {
    const text = [
      "Naam;E-mail;Interesses",
      "Jan;jan@minfin.nl;ai, data, woo, sabotage, ego",
      "Piet;piet@minfin.nl;ego, woo, planning, data, ai",
      "Kees;kees@minfin.nl;sabotage, ai, data, ego, woo",
      ""
    ].join("\r\n")
    const parsed = Csv.parse(text)
    expect(parsed.delimiter).toBe(";")
    expect(parsed.rows[1]).toEqual(["Jan", "jan@minfin.nl", "ai, data, woo, sabotage, ego"])
  })

  it("reads a ,-separated file whose quoted cells hold semicolons as ,", () => {
    const text = 'name,email,interests\nJan,jan@minfin.nl,"ai; data; woo"\nPiet,piet@minfin.nl,"ego; woo; data"\n'
    expect(Csv.parse(text).delimiter).toBe(",")
  })

  it("reads the same records whatever the pieces the text arrives in", () => {
    const text = 'a;"b;c";"say ""hi""";"two\r\nlines"\r\nd;e;f;g\r\nh;"";i;"j"'
    const whole = Csv.split(text, ";")
    for (let size = 1; size <= 7; size++) {
      const reader = Csv.splitter(";")
      const rows: Array<Array<string>> = []
      for (let i = 0; i < text.length; i += size) rows.push(...reader.push(text.slice(i, i + size)))
      rows.push(...reader.end())
      expect(rows).toEqual(whole)
    }
  })
})

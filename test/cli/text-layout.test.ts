// The terminal layout helpers: wrapping, cutting, padding with colour, and when to colour.
import { describe, expect, it } from "vitest";
import { createPalette, layoutTable, padEnd, truncate, visibleLength, wantsColor, wrapText } from "../../src/cli/text-layout.ts";

describe("text layout", () => {
  it("wraps words to the width with a hanging indent, never breaking a word", () => {
    expect(wrapText("aaa bbb ccc ddd", 9, 2)).toBe("aaa bbb\n  ccc ddd");
    expect(wrapText("abcdefghijkl x", 5, 0)).toBe("abcdefghijkl\nx");
    expect(wrapText("aaa bbb", 10, 4, 6)).toBe("aaa\n    bbb");
  });

  it("cuts with … only when the text does not fit", () => {
    expect(truncate("Inpaklijn", 20)).toBe("Inpaklijn");
    expect(truncate("Inpaklijn Noord", 11)).toBe("Inpaklijn…");
  });

  it("measures and pads coloured text by what is visible", () => {
    const green = createPalette(true).green("ok");
    expect(visibleLength(green)).toBe(2);
    expect(visibleLength(padEnd(green, 5))).toBe(5);
    expect(createPalette(false).green("ok")).toBe("ok");
  });

  it("lays out columns as wide as their widest cell, right-aligned where asked, no trailing blanks", () => {
    expect(layoutTable([{ header: "ID" }, { header: "N", align: "right" }, { header: "X" }], [["E1", "12", "a"], ["E10", "3", ""]])).toEqual([
      "ID    N  X",
      "E1   12  a",
      "E10   3",
    ]);
  });

  it("colours only a terminal, and never with NO_COLOR set", () => {
    expect(wantsColor({ isTTY: true }, {})).toBe(true);
    expect(wantsColor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(wantsColor({ isTTY: false }, {})).toBe(false);
    expect(wantsColor({}, {})).toBe(false);
  });
});

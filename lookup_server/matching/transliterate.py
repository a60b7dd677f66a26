"""Transliteration to Latin, script by script, the way passports romanise names.

``anyascii`` covers every script but two of its habits hurt name matching: it writes
Chinese names as one glued word (张伟 -> ZhangWei) and Greek ``ου`` as OY. Arabic needs
its own table because the article (ال) and the long vowels decide how a name is
romanised, and abjads write no short vowels (محمد is M-H-M-D: the phonetic key, which
drops vowels, bridges the gap to MUHAMMAD). So:

* Han: one syllable per character, separated (张伟 -> ZHANG WEI; 王秀英 -> WANG XIU YING,
  which the scorer glues back to XIUYING as printed on PRC passports); Wade-Giles and
  Cantonese as alternative traditions (:mod:`~lookup_server.matching.chinese`);
* Arabic: consonants with ICAO-like values, long vowels ا/و/ي as A/U/I, the article
  split off as a separate AL token, ة as A; Egyptian (ج as G) and Persian (ض/ذ/ظ as Z,
  ق as GH) values as alternative traditions;
* Greek: ELOT 743 / ICAO 9303 (ΟΥ -> OU, Χ -> CH, Η -> I, Β -> V, ΜΠ- -> B);
* everything else: ``anyascii`` (Cyrillic comes out close to common passport spellings:
  Юрий -> YURIY; ICAO's IURII differs only in vowels, which the phonetic key ignores).

Input is any string; output is upper-case ASCII with spaces between words.
"""

from __future__ import annotations

import unicodedata

from anyascii import anyascii

from lookup_server.matching import chinese

_ARABIC: dict[str, str] = {
    "ا": "A", "أ": "A", "إ": "I", "آ": "A", "ٱ": "A", "ء": "", "ؤ": "U", "ئ": "I",
    "ب": "B", "ت": "T", "ث": "TH", "ج": "J", "ح": "H", "خ": "KH", "د": "D", "ذ": "DH",
    "ر": "R", "ز": "Z", "س": "S", "ش": "SH", "ص": "S", "ض": "D", "ط": "T", "ظ": "Z",
    "ع": "", "غ": "GH", "ف": "F", "ق": "Q", "ك": "K", "ل": "L", "م": "M", "ن": "N",
    "ه": "H", "ة": "A", "ى": "A", "پ": "P", "چ": "CH", "ژ": "ZH", "گ": "G", "ک": "K",
    "ی": "Y",
    # short-vowel marks, when written
    "\u064e": "A", "\u064f": "U", "\u0650": "I",
}  # fmt: skip
_ARABIC_SHADDA = "\u0651"

_GREEK_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("ΟΥ", "OU"), ("ΑΥ", "AV"), ("ΕΥ", "EV"), ("ΓΓ", "NG"), ("ΓΚ", "GK"), ("ΓΧ", "NCH"),
    ("ΜΠ", "MP"), ("ΝΤ", "NT"), ("ΑΙ", "AI"), ("ΕΙ", "EI"), ("ΟΙ", "OI"),
)  # fmt: skip
_GREEK: dict[str, str] = {
    "Α": "A", "Β": "V", "Γ": "G", "Δ": "D", "Ε": "E", "Ζ": "Z", "Η": "I", "Θ": "TH",
    "Ι": "I", "Κ": "K", "Λ": "L", "Μ": "M", "Ν": "N", "Ξ": "X", "Ο": "O", "Π": "P",
    "Ρ": "R", "Σ": "S", "Τ": "T", "Υ": "Y", "Φ": "F", "Χ": "CH", "Ψ": "PS", "Ω": "O",
}  # fmt: skip


def _script(char: str) -> str:
    if char.isascii():
        return "latin"
    name = unicodedata.name(char, "")
    if name.startswith("CJK UNIFIED IDEOGRAPH") or name.startswith("CJK COMPATIBILITY IDEOGRAPH"):
        return "han"
    if name.startswith("ARABIC"):
        return "arabic"
    if name.startswith("GREEK"):
        return "greek"
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    return "other"


def strip_marks(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if unicodedata.category(c) != "Mn"
    )


# Cyrillic national systems that differ from the Russian one (anyascii's default):
# Ukraine's 2010 passport table (Г is H, И is Y, І/Ї are I) and Serbian Latin without
# diacritics as printed in MRZs (Ж Z, Ш S, Ч/Ћ C, Ђ DJ, Х H, Ц C).
_UKRAINIAN: dict[str, str] = {
    "А": "A", "Б": "B", "В": "V", "Г": "H", "Ґ": "G", "Д": "D", "Е": "E", "Є": "IE",
    "Ж": "ZH", "З": "Z", "И": "Y", "І": "I", "Ї": "I", "Й": "I", "К": "K", "Л": "L",
    "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U",
    "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ь": "", "Ю": "IU",
    "Я": "IA", "'": "", "’": "",
}  # fmt: skip
_SERBIAN: dict[str, str] = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Ђ": "DJ", "Е": "E", "Ж": "Z",
    "З": "Z", "И": "I", "Ј": "J", "К": "K", "Л": "L", "Љ": "LJ", "М": "M", "Н": "N",
    "Њ": "NJ", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "Ћ": "C", "У": "U",
    "Ф": "F", "Х": "H", "Ц": "C", "Ч": "C", "Џ": "DZ", "Ш": "S",
}  # fmt: skip


def _cyrillic(text: str, tradition: str) -> str:
    table = {"ukrainian": _UKRAINIAN, "serbian": _SERBIAN}.get(tradition)
    if table is None:
        return anyascii(strip_marks(text))  # Й -> I, as in ICAO 9303 since 2013
    return "".join(table.get(c, c if c.isspace() else anyascii(c)) for c in text.upper())


#: Letters romanised differently by Egyptian and Persian conventions than by the
#: common Arabic one (ج is G in Cairo; ض, ذ, ظ are Z and ق is GH in Tehran).
_ARABIC_TRADITIONS: dict[str, dict[str, str]] = {
    "arabic": {},
    "egyptian": {"ج": "G", "ق": "K", "ث": "S", "ذ": "Z", "ظ": "Z"},
    "persian": {"ض": "Z", "ذ": "Z", "ظ": "Z", "ث": "S", "ق": "GH", "ص": "S", "ط": "T"},
}
_YEH = ("ي", "ی")


def _arabic_word(word: str, tradition: str) -> str:
    if word.startswith("ال") and len(word) > 2:
        return "AL " + _arabic_word(word[2:], tradition)
    table = _ARABIC_TRADITIONS[tradition]
    out: list[str] = []
    last = len(word) - 1
    for i, char in enumerate(word):
        if char == _ARABIC_SHADDA:
            if out:
                out.append(out[-1][-1:])
            continue
        if char == "ع" and i == 0:
            out.append("A")  # an initial ayn is written as a vowel (عمر OMAR, عبد ABD)
            continue
        before_alef = i < last and word[i + 1] == "ا"
        if char == "و":
            # نوال NAWAL, جواد JAWAD; before a final yeh, the nisba ending -awi/-avi:
            # موسوی MOUSAVI, علوي ALAWI, رضوی RAZAVI
            before_final_yeh = 0 < i == last - 1 and word[last] in _YEH
            consonant = i == 0 or before_alef or before_final_yeh
            out.append(("V" if tradition == "persian" else "W") if consonant else "U")
            continue
        if char in _YEH:
            if i == 0 or before_alef:  # رویا ROYA, ضیاء ZIYA
                out.append("Y")
            else:
                out.append("Y" if tradition == "egyptian" and i == last else "I")
            continue
        if char == "ه" and i == last and i > 0 and tradition == "persian":
            out.append("EH")  # فاطمه FATEMEH
            continue
        out.append(table.get(char, _ARABIC.get(char, "")))
    return "".join(out)


def _arabic(text: str, tradition: str = "arabic") -> str:
    return " ".join(_arabic_word(w, tradition) for w in text.split())


#: At the start of a word these pairs are one voiced sound: Μπούρα BOURA, Ντίνος DINOS.
_GREEK_INITIAL: tuple[tuple[str, str], ...] = (("ΜΠ", "B"), ("ΝΤ", "D"), ("ΓΚ", "G"))


def _greek(text: str) -> str:
    return " ".join(_greek_word(w) for w in text.split())


def _greek_word(word: str) -> str:
    plain = strip_marks(word.upper()).replace("ς", "Σ")
    out: list[str] = []
    i = 0
    for pair, latin in _GREEK_INITIAL:
        if plain.startswith(pair):
            out.append(latin)
            i = 2
            break
    while i < len(plain):
        for pair, latin in _GREEK_DIGRAPHS:
            if plain.startswith(pair, i):
                out.append(latin)
                i += 2
                break
        else:
            char = plain[i]
            out.append(_GREEK.get(char, char if char.isascii() else ""))
            i += 1
    return "".join(out)


def traditions(text: str) -> tuple[str, ...]:
    """The romanisation traditions worth trying for ``text`` ("default" first)."""
    if text.isascii():
        return ("default",)
    scripts = {_script(c) for c in text if c.isalpha()}
    found = ["default"]
    if "han" in scripts:
        found += ["wade-giles", "cantonese"]
    if "arabic" in scripts:
        found += ["egyptian", "persian"]
    if "cyrillic" in scripts:
        found += ["ukrainian", "serbian"]
    return tuple(found)


def transliterate(text: str, tradition: str = "default") -> str:
    """Latin form of ``text`` (not yet upper-cased or cleaned of punctuation).

    ``tradition`` picks an alternative convention for scripts that have several:
    ``wade-giles`` or ``cantonese`` for Han, ``egyptian`` or ``persian`` for Arabic,
    ``ukrainian`` or ``serbian`` for Cyrillic.
    """
    if text.isascii():
        return text
    runs: list[tuple[str, list[str]]] = []
    for char in text:
        script = _script(char)
        if unicodedata.category(char) == "Mn" and runs:
            script = runs[-1][0]  # a combining mark belongs to its base letter's run
        elif char.isspace() and runs:
            script = runs[-1][0]
        if runs and runs[-1][0] == script:
            runs[-1][1].append(char)
        else:
            runs.append((script, [char]))
    parts: list[str] = []
    for script, chars in runs:
        chunk = "".join(chars)
        if script == "han":
            han = {"wade-giles": "wade-giles", "cantonese": "cantonese"}.get(tradition, "pinyin")
            parts.append(" " + chinese.romanise(chunk, han) + " ")
        elif script == "arabic":
            style = tradition if tradition in ("egyptian", "persian") else "arabic"
            parts.append(_arabic(chunk, style))
        elif script == "greek":
            parts.append(_greek(chunk))
        elif script == "cyrillic":
            parts.append(_cyrillic(chunk, tradition))
        else:
            parts.append(anyascii(strip_marks(chunk)))
    return "".join(parts)

"""Chinese names: one notice in Han characters, three ways to print it on a passport.

A name written 张伟 / 張偉 may arrive as ZHANG WEI (pinyin, PRC passports), CHANG WEI
(Wade-Giles, Taiwan) or CHEUNG WAI (Cantonese, Hong Kong and Macau). Pinyin comes from
``anyascii``; Wade-Giles is derived from pinyin syllable by syllable (apostrophes and
umlauts dropped, as passports do); Cantonese readings come from a table of the
characters most used in names, in the Hong Kong government's spelling. A character
missing from the table falls back to its pinyin syllable.
"""

from __future__ import annotations

import functools

from anyascii import anyascii

_PINYIN_INITIALS = ("ZH", "CH", "SH", "B", "P", "M", "F", "D", "T", "N", "L", "G", "K", "H",
                    "J", "Q", "X", "R", "Z", "C", "S", "Y", "W")  # fmt: skip
_WG_INITIAL = {"ZH": "CH", "CH": "CH", "SH": "SH", "J": "CH", "Q": "CH", "X": "HS", "Z": "TS",
               "C": "TS", "R": "J", "B": "P", "D": "T", "G": "K"}  # fmt: skip
_WG_WHOLE = {"ZI": "TZU", "CI": "TZU", "SI": "SSU", "YI": "I", "YOU": "YU", "YONG": "YUNG",
             "YAN": "YEN",
             "ER": "ERH", "E": "O"}  # fmt: skip


def wade_giles(syllable: str) -> str:
    """Wade-Giles spelling (without apostrophes) of one upper-case pinyin syllable."""
    if syllable in _WG_WHOLE:
        return _WG_WHOLE[syllable]
    initial = next((i for i in _PINYIN_INITIALS if syllable.startswith(i)), "")
    final = syllable[len(initial) :]
    if initial in ("ZH", "CH", "SH", "R") and final == "I":
        final = "IH"
    elif (final == "E" and initial in ("G", "K", "H")) or final == "UO":
        final = "O"
    elif final == "IAN":
        final = "IEN"
    elif final == "IE":
        final = "IEH"
    elif final == "ONG":
        final = "UNG"
    elif final == "UI":
        final = "UEI"
    elif final == "IONG":
        final = "IUNG"
    return _WG_INITIAL.get(initial, initial) + final


# Cantonese (Hong Kong government romanisation) of characters common in names.
# Traditional and simplified forms both listed where they differ.
_CANTONESE: dict[str, str] = {
    # surnames
    "陳": "CHAN", "陈": "CHAN", "李": "LEE", "張": "CHEUNG", "张": "CHEUNG", "黃": "WONG",
    "黄": "WONG", "王": "WONG", "何": "HO", "林": "LAM", "劉": "LAU", "刘": "LAU",
    "梁": "LEUNG", "吳": "NG", "吴": "NG", "鄭": "CHENG", "郑": "CHENG", "郭": "KWOK",
    "趙": "CHIU", "赵": "CHIU", "周": "CHOW", "楊": "YEUNG", "杨": "YEUNG", "馬": "MA",
    "马": "MA", "朱": "CHU", "胡": "WU", "羅": "LAW", "罗": "LAW", "謝": "TSE", "谢": "TSE",
    "鄧": "TANG", "邓": "TANG", "許": "HUI", "许": "HUI", "葉": "YIP", "叶": "YIP",
    "蔡": "CHOI", "曾": "TSANG", "彭": "PANG", "蕭": "SIU", "萧": "SIU", "潘": "POON",
    "袁": "YUEN", "麥": "MAK", "麦": "MAK", "余": "YU", "盧": "LO", "卢": "LO", "莫": "MOK",
    "關": "KWAN", "关": "KWAN", "徐": "TSUI", "孫": "SUEN", "孙": "SUEN", "高": "KO",
    "鍾": "CHUNG", "钟": "CHUNG", "江": "KONG", "方": "FONG", "石": "SHEK", "杜": "TO",
    "田": "TIN", "廖": "LIU", "唐": "TONG", "蘇": "SO", "苏": "SO", "湯": "TONG", "汤": "TONG",
    "伍": "NG", "邱": "YAU", "丘": "YAU", "姚": "YIU", "范": "FAN", "龍": "LUNG", "龙": "LUNG",
    "韓": "HON", "韩": "HON", "侯": "HAU", "雷": "LUI", "簡": "KAN", "简": "KAN", "鮑": "PAU",
    "翁": "YUNG", "溫": "WAN", "温": "WAN", "區": "AU", "区": "AU", "尹": "WAN", "顧": "KOO",
    "顾": "KOO", "賴": "LAI", "赖": "LAI", "黎": "LAI", "崔": "TSUI", "冼": "SIN", "傅": "FU",
    "戴": "TAI", "程": "CHING", "姜": "KEUNG", "鄺": "KWONG", "邝": "KWONG", "岑": "SHUM",
    "沈": "SHUM", "汪": "WONG", "譚": "TAM", "谭": "TAM", "凌": "LING",
    "歐": "AU", "欧": "AU", "陸": "LUK", "陆": "LUK", "魏": "NGAI", "薛": "SIT", "游": "YAU",
    "孔": "HUNG", "白": "PAK", "柯": "OR", "嚴": "YIM", "严": "YIM", "金": "KAM", "宋": "SUNG",
    # given-name characters
    "永": "WING", "康": "HONG", "秀": "SAU", "英": "YING", "蘭": "LAN", "兰": "LAN",
    "玉": "YUK", "芳": "FONG", "霞": "HA", "偉": "WAI", "伟": "WAI", "明": "MING", "華": "WA",
    "华": "WA", "文": "MAN", "志": "CHI", "強": "KEUNG", "强": "KEUNG", "嘉": "KA", "家": "KA",
    "美": "MEI", "麗": "LAI", "丽": "LAI", "珍": "CHUN", "寶": "PO", "宝": "PO", "國": "KWOK",
    "国": "KWOK", "榮": "WING", "荣": "WING", "德": "TAK", "輝": "FAI", "辉": "FAI",
    "俊": "CHUN", "傑": "KIT", "杰": "KIT", "豪": "HO", "賢": "YIN", "贤": "YIN", "敏": "MAN",
    "詩": "SZE", "诗": "SZE", "欣": "YAN", "慧": "WAI", "婷": "TING", "怡": "YI", "雅": "NGA",
    "琪": "KEI", "珊": "SHAN", "鳳": "FUNG", "凤": "FUNG", "梅": "MUI", "燕": "YIN",
    "海": "HOI", "小": "SIU", "大": "TAI", "子": "TSZ", "思": "SZE", "建": "KIN", "健": "KIN",
    "安": "ON", "平": "PING", "錦": "KAM", "锦": "KAM", "銀": "NGAN", "银": "NGAN",
    "月": "YUET", "雲": "WAN", "云": "WAN", "雪": "SUET", "貞": "CHING", "贞": "CHING",
    "淑": "SHUK", "惠": "WAI", "穎": "WING", "颖": "WING", "潔": "KIT", "洁": "KIT",
    "儀": "YEE", "仪": "YEE", "宇": "YU", "浩": "HO", "天": "TIN", "成": "SHING", "光": "KWONG",
    "耀": "YIU", "生": "SANG", "東": "TUNG", "东": "TUNG", "新": "SAN", "民": "MAN",
    "亮": "LEUNG", "力": "LIK", "仁": "YAN", "信": "SHUN", "達": "TAT", "达": "TAT",
    "昌": "CHEONG", "發": "FAT", "发": "FAT", "興": "HING", "兴": "HING", "祥": "CHEUNG",
    "福": "FUK", "寧": "NING", "宁": "NING", "清": "CHING", "玲": "LING", "萍": "PING",
    "琳": "LAM", "晴": "CHING", "心": "SUM", "君": "KWAN", "瑩": "YING", "莹": "YING",
    "紅": "HUNG", "红": "HUNG", "芬": "FAN", "娟": "KUEN", "倩": "SIN", "靜": "CHING",
    "静": "CHING", "秋": "CHAU", "冬": "TUNG", "春": "CHUN", "珠": "CHU",
    "蓮": "LIN", "莲": "LIN", "桂": "KWAI", "芝": "CHI", "菊": "KUK", "翠": "CHUI",
    "彩": "CHOI", "愛": "OI", "爱": "OI", "少": "SIU", "振": "CHUN",
    "軍": "KWAN", "军": "KWAN", "勇": "YUNG", "峰": "FUNG", "鋒": "FUNG", "锋": "FUNG",
    "鵬": "PANG", "鹏": "PANG", "飛": "FEI", "飞": "FEI", "立": "LAP",
    "正": "CHING", "順": "SHUN", "顺": "SHUN", "泰": "TAI", "卓": "CHEUK",
    "恩": "YAN", "樂": "LOK", "乐": "LOK", "善": "SIN", "中": "CHUNG",
    "學": "HOK", "学": "HOK", "昇": "SING", "升": "SING", "堅": "KIN", "坚": "KIN",
    "基": "KEI", "權": "KUEN", "权": "KUEN", "威": "WAI", "輔": "FU", "宏": "WANG",
    "佩": "PUI", "盈": "YING", "詠": "WING", "咏": "WING", "碧": "PIK",
    "鈺": "YUK", "钰": "YUK", "慈": "CHI", "妙": "MIU", "嫻": "HAN", "娴": "HAN",
    # more given-name characters
    "然": "YIN", "艷": "YIM", "艳": "YIM", "希": "HEI", "曉": "HIU", "晓": "HIU", "琛": "SUM",
    "朗": "LONG", "軒": "HIN", "轩": "HIN", "銘": "MING", "铭": "MING", "峻": "CHUN",
    "焯": "CHEUK", "灝": "HO", "嵐": "LAM", "岚": "LAM", "蔚": "WAI", "潤": "YUN", "润": "YUN",
    "澤": "CHAK", "泽": "CHAK", "霖": "LAM", "智": "CHI", "皓": "HO", "睿": "YUI", "鴻": "HUNG",
    "鸿": "HUNG", "堯": "YIU", "尧": "YIU", "舜": "SHUN", "禮": "LAI", "礼": "LAI", "義": "YEE",
    "义": "YEE", "忠": "CHUNG", "孝": "HAU", "廉": "LIM", "昭": "CHIU", "彤": "TUNG",
    "靖": "CHING", "蕙": "WAI", "芷": "TSZ", "璇": "SUEN", "瑜": "YU", "瑞": "SUI", "斌": "PAN",
    "彬": "PAN", "楷": "KAI", "駿": "CHUN", "骏": "CHUN", "凱": "HOI", "凯": "HOI", "豐": "FUNG",
    "丰": "FUNG", "燦": "CHAN", "灿": "CHAN", "煒": "WAI", "炜": "WAI", "啟": "KAI", "启": "KAI",
    "兆": "SIU", "瀚": "HON", "汶": "MAN", "婉": "YUEN", "珮": "PUI", "綺": "YEE", "绮": "YEE",
    "嬋": "SIM", "婵": "SIM", "妍": "YIN", "媚": "MEI", "蓉": "YUNG", "菲": "FEI", "萱": "HUEN",
    "薇": "MEI", "蕾": "LUI", "紫": "TSZ", "嫣": "YIN", "麒": "KEI", "麟": "LUN", "鳴": "MING",
    "鸣": "MING", "鶴": "HOK", "鹤": "HOK", "虎": "FU", "傳": "CHUEN", "传": "CHUEN", "邦": "PONG",
    "世": "SAI", "祖": "CHO", "宗": "CHUNG", "漢": "HON", "汉": "HON", "雄": "HUNG", "瑋": "WAI",
    "玮": "WAI", "銳": "YUI", "锐": "YUI", "鈞": "KWAN", "钧": "KWAN", "柏": "PAK", "樺": "WA",
    "桦": "WA", "森": "SUM", "樹": "SHU", "树": "SHU", "葵": "KWAI", "蘊": "WAN", "蕴": "WAN",
    "盛": "SHING", "昊": "HO", "晨": "SAN", "曦": "HEI", "陽": "YEUNG", "阳": "YEUNG",
    "星": "SING", "航": "HONG", "翔": "CHEUNG", "毅": "NGAI", "勤": "KAN", "儉": "KIM",
    "俭": "KIM",
}  # fmt: skip


def pinyin(char: str) -> str:
    return anyascii(char).upper()


def romanise(text: str, tradition: str) -> str:
    """Han characters of ``text`` as separated syllables in ``tradition``
    (``pinyin``, ``wade-giles`` or ``cantonese``); other characters are dropped."""
    syllables: list[str] = []
    for char in text:
        if char.isspace():
            continue
        if tradition == "cantonese":
            syllables.append(_CANTONESE.get(char) or pinyin(char))
        elif tradition == "wade-giles":
            syllables.append(wade_giles(pinyin(char)))
        else:
            syllables.append(pinyin(char))
    return " ".join(s for s in syllables if s)


@functools.cache
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable, read off the CJK Unified Ideographs block."""
    return frozenset(
        syllable
        for code in range(0x4E00, 0xA000)
        if (syllable := pinyin(chr(code))).isalpha() and syllable.isascii()
    )


def _split_syllables(token: str) -> list[str] | None:
    """``token`` as one pinyin syllable or two glued ones (XIUYING), else None."""
    syllables = pinyin_syllables()
    if token in syllables:
        return [token]
    for cut in range(1, len(token)):
        if token[:cut] in syllables and token[cut:] in syllables:
            return [token[:cut], token[cut:]]
    return None


def wade_giles_spellings(tokens: tuple[str, ...]) -> dict[str, str]:
    """Wade-Giles spellings of the tokens of a name written entirely in pinyin.

    Empty unless every token is pinyin (one syllable or two glued), so that Western
    names that happen to contain pinyin-like tokens (DAN, LI, MAN) are left alone.
    """
    spellings: dict[str, str] = {}
    for token in tokens:
        parts = _split_syllables(token)
        if parts is None:
            return {}
        spelling = "".join(wade_giles(p) for p in parts)
        if spelling != token:
            spellings[token] = spelling
    return spellings

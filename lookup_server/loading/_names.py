"""Name pools of the synthetic data generator: given names and surnames of many cultures.

Every name here is a common name of its culture; the generator combines them at random,
so a generated person is an invented combination of common names, never a real person
on a notice. Each culture also has *clear-only* surnames (and mononyms) that the
generator uses only for travellers who must not match any notice: they are chosen to
be far from every notice surname and from its spelling variants.

Notation: ``"IVANOV:IVANOVA"`` is a surname with a masculine and a feminine form;
``"XIAO|MING"`` marks a syllable boundary, written joined (``XIAOMING``), hyphenated or
spaced; ``"I WAYAN"`` is a multi-word given name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Culture:
    """A naming culture: pools, nationalities and the name shape (``style``).

    Styles: ``generic`` (given names + surname), ``indonesian`` (mononyms, Javanese
    two-part names, Balinese birth-order names), ``malay`` (bin/binti + father's name),
    ``spanish`` (two surnames), ``vietnamese`` (middle name + given name), ``russian``
    (optional patronymic), ``indian`` (optional KUMAR/DEVI middle name).
    """

    key: str
    style: str
    weight: int
    nationalities: tuple[tuple[str, int], ...]
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]
    clear_surnames: tuple[str, ...]
    #: Second given names (generic: a second given name; vietnamese: the middle name).
    male_middle: tuple[str, ...] = ()
    female_middle: tuple[str, ...] = ()
    middle_share: float = 0.0
    #: Indonesian: mononyms and Balinese names; Spanish: nothing extra.
    male_mononyms: tuple[str, ...] = ()
    female_mononyms: tuple[str, ...] = ()
    clear_mononyms: tuple[str, ...] = ()
    female_surnames: tuple[str, ...] = ()
    clear_female_surnames: tuple[str, ...] = ()


CULTURES: tuple[Culture, ...] = (
    Culture(
        key="indonesian",
        style="indonesian",
        weight=10,
        nationalities=(("IDN", 1),),
        male=(
            "AGUS", "BUDI", "HERU", "EKO", "JOKO", "BAMBANG", "DWI", "ADI", "RUDI", "HENDRA",
            "WAHYU", "SLAMET", "ARIF", "YUDI", "TEGUH", "DEDI", "IRWAN", "CAHYO",
        ),
        female=(
            "SRI", "DEWI", "SITI", "RINA", "YULI", "ENDANG", "WATI", "RATNA", "INDAH",
            "PUJI", "ANI", "TUTI", "FITRI", "YANTI",
        ),
        surnames=(
            "SETIAWAN", "SANTOSO", "WIBOWO", "HIDAYAT", "SAPUTRA", "KURNIAWAN", "PRATAMA",
            "WIJAYA", "SUSANTO", "NUGROHO", "HARTONO", "GUNAWAN", "PRASETYO", "SUPRIYADI",
            "HERMAWAN", "PURNOMO", "SULISTYO", "RAMADHAN", "FIRMANSYAH",
        ),
        female_surnames=(
            "LESTARI", "WULANDARI", "RAHAYU", "PERMATASARI", "PUSPITASARI", "ANGGRAINI",
            "KURNIASIH", "SUSANTI", "HANDAYANI", "NURHAYATI",
        ),
        clear_surnames=("SIMANJUNTAK", "SITORUS", "NASUTION", "HARAHAP", "PANJAITAN", "LUBIS"),
        clear_female_surnames=("SIMANJUNTAK", "SITORUS", "NASUTION", "HARAHAP", "LUBIS"),
        male_mononyms=(
            "SUPARMAN", "SUGIYONO", "PARJO", "WAGIMAN", "TUKIMIN", "JUMADI", "KARSIDI",
            "SUTARNO", "MULYONO", "SUPRAPTO", "SUYANTO", "PAIMAN",
        ),
        female_mononyms=(
            "SUKARNI", "SURATMI", "SUMARNI", "SRIYATI", "PARTINI", "SUNARSIH", "WARTINAH",
            "SUPARTI",
        ),
        clear_mononyms=("DARSONO", "KASIMUN", "NGADIMIN", "SARINEM", "JUMINAH", "TUGIYEM"),
    ),
    Culture(
        key="balinese",
        style="balinese",
        weight=2,
        nationalities=(("IDN", 1),),
        male=(
            "I WAYAN", "I MADE", "I NYOMAN", "I KETUT", "I PUTU", "I GEDE", "I KADEK",
            "I KOMANG",
        ),
        female=("NI LUH", "NI MADE", "NI NYOMAN", "NI KETUT", "NI PUTU", "NI KADEK", "NI KOMANG"),
        surnames=(
            "SUDARSANA", "ARTAWAN", "SUASTIKA", "WIRAWAN", "MAHENDRA", "DARMAWAN", "SUTAMA",
            "ARSANA", "WIDNYANA", "ADNYANA",
        ),
        female_surnames=("WIDIASTUTI", "ASTUTI", "SUARNI", "ARIANI", "SRIASIH", "SUKERTI"),
        clear_surnames=("MERTAYASA", "PARWATA", "SEDANA"),
        clear_female_surnames=("MURNIATI", "KARTINI"),
    ),
    Culture(
        key="malay",
        style="malay",
        weight=5,
        nationalities=(("MYS", 8), ("SGP", 1), ("BRN", 1)),
        male=(
            "AHMAD FAUZI", "MOHD RIZAL", "MUHAMMAD HAFIZ", "AZMAN", "FAIZAL", "KHAIRUL ANUAR",
            "SYAFIQ", "ZULKIFLI", "AMIRUL", "HAKIM", "ABDUL RAHMAN", "IZZAT",
        ),
        female=(
            "NUR AISYAH", "SITI AMINAH", "NUR ATIQAH", "FARAH", "NORAZLINA", "ROSNAH",
            "SALMAH", "ZURAIDA", "HASLINDA", "NOR HAYATI",
        ),
        surnames=(
            "ISMAIL", "ABDULLAH", "HASSAN", "OSMAN", "YUSOF", "IBRAHIM", "RAHMAN", "HAMID",
            "KASSIM", "SULAIMAN", "JAMALUDDIN", "ZAKARIA", "AZIZ", "MANSOR",
        ),
        clear_surnames=("SAMSUDIN", "RAMLI", "KAMARUDDIN", "MAHADI", "TAJUDDIN"),
    ),
    Culture(
        key="arabic",
        style="generic",
        weight=12,
        nationalities=(
            ("EGY", 3), ("SAU", 2), ("JOR", 2), ("SYR", 2), ("IRQ", 2), ("LBN", 1), ("MAR", 2),
            ("DZA", 2), ("TUN", 1), ("YEM", 1), ("ARE", 1), ("LBY", 1), ("SDN", 1), ("PSE", 1),
        ),
        male=(
            "MUHAMMAD", "AHMAD", "ALI", "OMAR", "KHALID", "YUSUF", "IBRAHIM", "HASSAN",
            "HUSSEIN", "MAHMOUD", "ABDULLAH", "SAMIR", "TARIQ", "WALID", "KARIM", "FAISAL",
            "HAMZA", "BILAL", "NABIL", "RAMI", "ZIAD", "MUSTAFA", "SALEH", "ADNAN", "JAMAL",
        ),
        female=(
            "FATIMA", "AISHA", "MARYAM", "ZAINAB", "LAYLA", "NOUR", "HANA", "SARA", "AMINA",
            "RANIA", "DINA", "SALMA", "HUDA", "YASMIN",
        ),
        male_middle=("MUHAMMAD", "AHMAD", "ALI", "MAHMOUD", "HASSAN", "IBRAHIM", "YUSUF", "OMAR"),
        female_middle=("MUHAMMAD", "AHMAD", "ALI", "MAHMOUD", "HASSAN", "IBRAHIM", "YUSUF"),
        middle_share=0.35,
        surnames=(
            "AL-RASHID", "AL-HASHIMI", "EL-MASRI", "HADDAD", "KHOURY", "MANSOUR", "NASSER",
            "AL-SAADI", "AL-TAMIMI", "BAKR", "AL-ZUBAIDI", "HAMDAN", "JABER", "QASIM",
            "AL-AMIN", "EL-SAYED", "AL-OBEIDI", "DARWISH", "AL-KHATIB", "AZZAM", "HAMMAD",
            "AL-SHAMMARI", "AL-DOSARI", "BENNANI", "EL-IDRISSI", "BOUZID", "CHERIF",
        ),
        clear_surnames=("AL-NUAIMI", "MAJALI", "HIJAZI", "SROUR", "AL-KUWARI", "BELKACEM"),
    ),
    Culture(
        key="persian",
        style="generic",
        weight=4,
        nationalities=(("IRN", 5), ("AFG", 1)),
        male=(
            "MOHAMMAD", "REZA", "ALI", "HOSSEIN", "MEHDI", "AMIR", "SAEED", "HAMID", "MORTEZA",
            "MAJID", "DARIUSH", "BABAK", "KAVEH", "FARHAD", "OMID", "MOHAMMAD REZA", "AMIR HOSSEIN",
        ),
        female=(
            "MARYAM", "ZAHRA", "FATEMEH", "SHIRIN", "PARISA", "NEGAR", "LEILA", "SOMAYEH",
            "MAHSA", "NAZANIN", "ROYA",
        ),
        surnames=(
            "HOSSEINI", "AHMADI", "MOHAMMADI", "REZAEI", "KARIMI", "MOUSAVI", "JAFARI",
            "RAHIMI", "HASHEMI", "SADEGHI", "TEHRANI", "GHORBANI", "KAZEMI", "NAJAFI",
            "AKBARI", "SALEHI", "SHARIFI", "ESMAEILI",
        ),
        clear_surnames=("FARAHANI", "BEHESHTI", "ZANDI", "PARSA", "DAVOODI"),
    ),
    Culture(
        key="turkish",
        style="generic",
        weight=5,
        nationalities=(("TUR", 9), ("DEU", 1)),
        male=(
            "MEHMET", "MUSTAFA", "AHMET", "HÜSEYİN", "HASAN", "İBRAHİM", "YUSUF", "EMRE",
            "MURAT", "ÖMER", "ALİ", "BURAK", "SERKAN", "OĞUZ", "KEMAL", "ERKAN",
        ),
        female=(
            "AYŞE", "FATMA", "ZEYNEP", "ELİF", "EMİNE", "HATİCE", "MERVE", "ÖZLEM", "GÜLSÜM",
            "SEVGİ", "DERYA",
        ),
        surnames=(
            "YILMAZ", "KAYA", "DEMİR", "ŞAHİN", "ÇELİK", "YILDIZ", "YILDIRIM", "ÖZTÜRK",
            "AYDIN", "ÖZDEMİR", "ARSLAN", "DOĞAN", "KILIÇ", "ÇETİN", "KARA", "KOÇ", "KURT",
            "ÖZKAN", "ŞİMŞEK", "POLAT",
        ),
        clear_surnames=("TOPRAK", "GÜNEŞ", "AKSOY", "KARADENİZ", "BULUT", "UÇAR"),
    ),
    Culture(
        key="chinese",
        style="generic",
        weight=8,
        nationalities=(("CHN", 8), ("TWN", 1), ("HKG", 1), ("SGP", 1)),
        male=(
            "WEI", "JUN", "YONG", "JIE", "TAO", "MING", "QIANG", "LEI", "HAO", "BIN", "PENG",
            "CHAO", "XIAO|MING", "JIAN|GUO", "ZHI|WEI", "HAO|YU", "ZI|HAO", "YU|CHEN",
        ),
        female=(
            "FANG", "JING", "LI|NA", "XIU|YING", "YAN", "HUI", "PING", "XIA", "YING", "MEI",
            "XIAO|HONG", "JIA|YI", "YU|TONG", "SHU|FEN",
        ),
        surnames=(
            "WANG", "LI", "ZHANG", "LIU", "CHEN", "YANG", "HUANG", "ZHAO", "WU", "ZHOU", "XU",
            "SUN", "MA", "ZHU", "HU", "GUO", "LIN", "HE", "GAO", "LUO", "ZHENG", "LIANG",
            "XIE", "TANG",
        ),
        clear_surnames=("QIAN", "KONG", "CAO", "PAN", "SHEN", "YUAN", "FENG"),
    ),
    Culture(
        key="vietnamese",
        style="vietnamese",
        weight=5,
        nationalities=(("VNM", 1),),
        male=(
            "HÙNG", "DŨNG", "CƯỜNG", "TUẤN", "NAM", "HẢI", "LONG", "SƠN", "THẮNG", "KHOA",
            "PHÚC", "BÌNH", "TRUNG", "ANH",
        ),
        female=(
            "HƯƠNG", "LAN", "LINH", "MAI", "PHƯƠNG", "THẢO", "TRANG", "HOA", "HẰNG", "NGA",
            "YẾN", "HIỀN",
        ),
        male_middle=("VĂN", "ĐỨC", "MINH", "HỮU", "QUANG", "THANH"),
        female_middle=("THỊ", "NGỌC", "THU", "THANH", "MỸ"),
        middle_share=0.9,
        surnames=(
            "NGUYỄN", "TRẦN", "LÊ", "PHẠM", "HOÀNG", "HUỲNH", "PHAN", "VŨ", "VÕ", "ĐẶNG",
            "BÙI", "ĐỖ", "HỒ", "NGÔ", "DƯƠNG", "LÝ",
        ),
        clear_surnames=("TRỊNH", "LƯƠNG", "TÔ", "TẠ", "QUÁCH", "KIỀU"),
    ),
    Culture(
        key="russian",
        style="russian",
        weight=7,
        nationalities=(("RUS", 8), ("BLR", 1), ("KAZ", 1)),
        male=(
            "ALEKSANDR", "SERGEY", "DMITRIY", "ANDREY", "ALEKSEY", "MIKHAIL", "IVAN",
            "NIKOLAY", "YURIY", "OLEG", "VLADIMIR", "PAVEL", "EVGENIY", "MAKSIM", "ARTEM",
            "IGOR", "VIKTOR",
        ),
        female=(
            "YELENA", "OLGA", "NATALYA", "TATYANA", "IRINA", "SVETLANA", "YULIYA",
            "ANASTASIYA", "EKATERINA", "MARINA", "ANNA", "DARYA",
        ),
        male_middle=(
            "ALEKSANDROVICH", "SERGEYEVICH", "VIKTOROVICH", "IVANOVICH", "NIKOLAYEVICH",
            "VLADIMIROVICH", "PETROVICH", "YURYEVICH", "ANATOLYEVICH",
        ),
        female_middle=(
            "ALEKSANDROVNA", "SERGEYEVNA", "VIKTOROVNA", "IVANOVNA", "NIKOLAYEVNA",
            "VLADIMIROVNA", "PETROVNA", "YURYEVNA", "ANATOLYEVNA",
        ),
        middle_share=0.5,
        surnames=(
            "IVANOV:IVANOVA", "SMIRNOV:SMIRNOVA", "KUZNETSOV:KUZNETSOVA", "POPOV:POPOVA",
            "VASILYEV:VASILYEVA", "PETROV:PETROVA", "SOKOLOV:SOKOLOVA",
            "MIKHAYLOV:MIKHAYLOVA", "NOVIKOV:NOVIKOVA", "FEDOROV:FEDOROVA",
            "MOROZOV:MOROZOVA", "VOLKOV:VOLKOVA", "LEBEDEV:LEBEDEVA", "SEMENOV:SEMENOVA",
            "EGOROV:EGOROVA", "KOZLOV:KOZLOVA",
        ),
        clear_surnames=(
            "ZAKHAROV:ZAKHAROVA", "BORISOV:BORISOVA", "ROMANOV:ROMANOVA", "ORLOV:ORLOVA",
            "GERASIMOV:GERASIMOVA", "KALININ:KALININA",
        ),
    ),
    Culture(
        key="ukrainian",
        style="generic",
        weight=4,
        nationalities=(("UKR", 9), ("MDA", 1)),
        male=(
            "OLEKSANDR", "SERHIY", "ANDRIY", "MYKOLA", "VOLODYMYR", "TARAS", "BOHDAN",
            "DMYTRO", "YURIY", "VASYL", "OLEH",
        ),
        female=(
            "OLENA", "OKSANA", "NATALIIA", "TETIANA", "IRYNA", "YULIIA", "KATERYNA",
            "HALYNA", "MARIIA",
        ),
        surnames=(
            "KOVALENKO", "SHEVCHENKO", "BONDARENKO", "TKACHENKO", "KRAVCHENKO", "MELNYK",
            "BOYKO", "KOVALCHUK", "OLIYNYK", "SHEVCHUK", "POLISHCHUK", "LYSENKO",
            "MARCHENKO", "MOROZ",
        ),
        clear_surnames=("HRYHORENKO", "DOROSHENKO", "KLYMENKO", "ZINCHENKO", "SAVYTSKYI"),
    ),
    Culture(
        key="greek",
        style="generic",
        weight=2,
        nationalities=(("GRC", 8), ("CYP", 2)),
        male=(
            "GEORGIOS", "KONSTANTINOS", "DIMITRIOS", "IOANNIS", "NIKOLAOS", "PANAGIOTIS",
            "CHRISTOS", "VASILEIOS", "ATHANASIOS", "EVANGELOS", "MICHAIL", "SPYRIDON",
        ),
        female=(
            "MARIA", "ELENI", "AIKATERINI", "VASILIKI", "SOFIA", "ANASTASIA", "GEORGIA",
            "DIMITRA", "PARASKEVI", "ANGELIKI",
        ),
        surnames=(
            "PAPADOPOULOS:PAPADOPOULOU", "PAPAGEORGIOU", "OIKONOMOU", "GEORGIOU", "DIMITRIOU",
            "NIKOLAIDIS:NIKOLAIDOU", "KARAGIANNIS:KARAGIANNI", "VLACHOS:VLACHOU",
            "PAPPAS:PAPPA", "MAKRIS:MAKRI", "ANTONIOU", "ALEXIOU", "THEODOROU",
        ),
        clear_surnames=(
            "STAVROPOULOS:STAVROPOULOU", "ZERVAS:ZERVA", "KOUTSOUKOS:KOUTSOUKOU",
            "DOUKAS:DOUKA",
        ),
    ),
    Culture(
        key="indian",
        style="generic",
        weight=7,
        nationalities=(("IND", 1),),
        male=(
            "RAJESH", "SURESH", "RAHUL", "AMIT", "VIKRAM", "ANIL", "SANJAY", "ARJUN",
            "DEEPAK", "MANOJ", "RAVI", "SUNIL", "ARUN", "VIJAY", "HARPREET", "GURPREET",
        ),
        female=(
            "PRIYA", "ANJALI", "SUNITA", "KAVITA", "POOJA", "NEHA", "LAKSHMI", "DEEPIKA",
            "ANITA", "REKHA", "SHALINI", "MEENA",
        ),
        male_middle=("KUMAR",),
        female_middle=("DEVI", "KUMARI"),
        middle_share=0.3,
        surnames=(
            "SHARMA", "VERMA", "GUPTA", "SINGH", "PATEL", "REDDY", "NAIR", "IYER", "RAO",
            "MISHRA", "JOSHI", "DAS", "CHOWDHURY", "BANERJEE", "MUKHERJEE", "YADAV",
            "PILLAI", "DESAI", "MEHTA", "KAPOOR", "MALHOTRA", "AGARWAL",
        ),
        clear_surnames=("SAXENA", "TRIPATHI", "BHATTACHARYA", "KULKARNI", "SRIVASTAVA", "NAMBIAR"),
    ),
    Culture(
        key="nigerian",
        style="generic",
        weight=5,
        nationalities=(("NGA", 1),),
        male=(
            "CHUKWU|EMEKA", "OLUWA|SEUN", "ADEBAYO", "OLUWA|FEMI", "IBRAHIM", "MUSA", "EMEKA",
            "CHINEDU", "BABATUNDE", "GODWIN", "SUNDAY", "TUNDE", "IKECHUKWU", "OBINNA",
            "ABDULLAHI", "UCHE",
        ),
        female=(
            "NGOZI", "CHIOMA", "FUNMILAYO", "AISHA", "HALIMA", "BLESSING", "ADAEZE",
            "FOLASADE", "YETUNDE", "NKECHI", "ZAINAB", "AMAKA",
        ),
        male_middle=("EMEKA", "CHINEDU", "TUNDE", "OBINNA", "UCHE", "SUNDAY"),
        female_middle=("NGOZI", "CHIOMA", "AMAKA", "BLESSING", "NKECHI"),
        middle_share=0.4,
        surnames=(
            "OKAFOR", "ADEYEMI", "OKONKWO", "BELLO", "ABUBAKAR", "EZE", "NWOSU", "OGUNLEYE",
            "OKORO", "BALOGUN", "DANJUMA", "OYELARAN", "ADEWALE", "NWACHUKWU", "OKEKE",
            "AKINWUMI", "UDOH", "OBI",
        ),
        clear_surnames=("OKOYE", "IHEANACHO", "AKPAN", "ETIM", "OGBONNA"),
    ),
    Culture(
        key="spanish",
        style="spanish",
        weight=9,
        nationalities=(
            ("ESP", 3), ("MEX", 3), ("COL", 3), ("ARG", 2), ("VEN", 2), ("PER", 2), ("CHL", 1),
            ("ECU", 1), ("GTM", 1),
        ),
        male=(
            "JOSÉ", "JUAN", "CARLOS", "LUIS", "JORGE", "MIGUEL ÁNGEL", "JUAN PABLO",
            "ALEJANDRO", "FRANCISCO", "JAVIER", "DIEGO", "ANDRÉS", "FERNANDO", "RAÚL",
            "JOSÉ LUIS",
        ),
        female=(
            "MARÍA", "ANA", "LUCÍA", "CARMEN", "MARÍA JOSÉ", "SOFÍA", "VALENTINA", "GABRIELA",
            "ISABEL", "PAULA", "MARÍA FERNANDA", "ROSA",
        ),
        surnames=(
            "GARCÍA", "LÓPEZ", "MARTÍNEZ", "RODRÍGUEZ", "FERNÁNDEZ", "PÉREZ", "GONZÁLEZ",
            "SÁNCHEZ", "RAMÍREZ", "TORRES", "FLORES", "DÍAZ", "MORALES", "JIMÉNEZ", "RUIZ",
            "HERNÁNDEZ", "CASTRO", "VARGAS", "DE LA CRUZ", "DE LA FUENTE", "DEL CASTILLO",
            "DE LOS SANTOS", "DE LEÓN",
        ),
        clear_surnames=(
            "ECHEVERRÍA", "ZAMBRANO", "BUSTAMANTE", "VILLANUEVA", "IBARRA", "SALAZAR",
            "ARANGO", "QUINTERO",
        ),
    ),
    Culture(
        key="german",
        style="generic",
        weight=5,
        nationalities=(("DEU", 7), ("AUT", 2), ("CHE", 1)),
        male=(
            "THOMAS", "MICHAEL", "ANDREAS", "STEFAN", "JÜRGEN", "KLAUS", "UWE", "MARKUS",
            "JÖRG", "FRANK", "RALF", "SVEN", "TOBIAS", "LUKAS", "MAXIMILIAN", "HANS-PETER",
            "KARL-HEINZ",
        ),
        female=(
            "SABINE", "MONIKA", "PETRA", "ANDREA", "BIRGIT", "KATRIN", "SUSANNE", "ULRIKE",
            "JULIA", "LENA", "ANNA-LENA", "BÄRBEL",
        ),
        male_middle=("JOHANNES", "PETER", "WILHELM", "ALEXANDER", "CHRISTIAN"),
        female_middle=("MARIA", "ELISABETH", "CHRISTINE", "SOPHIE"),
        middle_share=0.2,
        surnames=(
            "MÜLLER", "SCHMIDT", "SCHNEIDER", "FISCHER", "WEBER", "MEYER", "WAGNER",
            "BECKER", "SCHULZ", "HOFFMANN", "SCHÄFER", "KOCH", "BAUER", "RICHTER", "KLEIN",
            "WOLF", "SCHRÖDER", "NEUMANN", "SCHWARZ", "ZIMMERMANN", "KRÜGER", "WEIß",
            "GROßMANN", "HARTMANN", "LANGE", "VON BERG",
        ),
        clear_surnames=("BRANDT", "LORENZ", "ENGEL", "FRANKE", "HAUPTMANN", "SEIDEL"),
    ),
    Culture(
        key="dutch",
        style="generic",
        weight=3,
        nationalities=(("NLD", 8), ("BEL", 2)),
        male=(
            "JAN", "PIETER", "HENDRIK", "WILLEM", "DANIËL", "JOHANNES", "SANDER", "DAAN",
            "BAS", "RUUD", "GERRIT", "KEES", "JOOST", "MAARTEN",
        ),
        female=(
            "ANNA", "SANNE", "EMMA", "FLEUR", "MAARTJE", "INGE", "ANOUK", "LIEKE", "ESTHER",
            "MARLIES", "JOKE",
        ),
        male_middle=("JOHANNES", "HENDRIK", "WILLEM", "CORNELIS"),
        female_middle=("MARIA", "JOHANNA", "CORNELIA"),
        middle_share=0.25,
        surnames=(
            "VAN DER BERG", "DE VRIES", "VAN DIJK", "BAKKER", "JANSEN", "VAN DEN BROEK",
            "VISSER", "SMIT", "DE JONG", "MEIJER", "DE BOER", "MULDER", "VAN LEEUWEN",
            "VAN DER MEER", "DEKKER", "BOS", "VAN DAM", "HENDRIKS", "DE GRAAF",
            "VAN DER LINDEN", "KOOPMAN",
        ),
        clear_surnames=("VAN ROSSUM", "VERHOEVEN", "KUIPERS", "POSTMA", "VAN ASSEN"),
    ),
    Culture(
        key="french",
        style="generic",
        weight=5,
        nationalities=(("FRA", 7), ("BEL", 1), ("CHE", 1), ("CAN", 1)),
        male=(
            "JEAN-PIERRE", "FRANÇOIS", "NICOLAS", "PHILIPPE", "OLIVIER", "THÉO", "SÉBASTIEN",
            "JÉRÔME", "STÉPHANE", "JEAN-LUC", "ANTOINE", "JULIEN", "CHRISTOPHE", "LAURENT",
        ),
        female=(
            "MARIE", "NATHALIE", "ISABELLE", "CÉLINE", "HÉLÈNE", "AURÉLIE", "SOPHIE",
            "ÉLODIE", "CHRISTINE", "MARIE-CLAIRE", "VALÉRIE", "CAMILLE",
        ),
        male_middle=("MARIE", "PIERRE", "LOUIS", "HENRI"),
        female_middle=("MARIE", "LOUISE", "ANNE"),
        middle_share=0.2,
        surnames=(
            "MARTIN", "BERNARD", "DUBOIS", "PETIT", "DURAND", "LEROY", "MOREAU", "LEFÈVRE",
            "GIRARD", "MERCIER", "LE GOFF", "FOURNIER", "GAUTHIER", "BONNET", "CHEVALIER",
            "FAURE", "ROUSSEL", "DE LA FONTAINE",
        ),
        clear_surnames=("MARCHAND", "BLANCHARD", "LECLERC", "BRUNET", "GUÉRIN", "PERRIN"),
    ),
    Culture(
        key="polish",
        style="generic",
        weight=4,
        nationalities=(("POL", 1),),
        male=(
            "PIOTR", "KRZYSZTOF", "ANDRZEJ", "TOMASZ", "PAWEŁ", "MICHAŁ", "ŁUKASZ", "JAKUB",
            "MAREK", "GRZEGORZ", "WOJCIECH", "KAMIL",
        ),
        female=(
            "ANNA", "MAŁGORZATA", "AGNIESZKA", "KATARZYNA", "BARBARA", "EWA", "MAGDALENA",
            "JOANNA", "MONIKA", "ŻANETA",
        ),
        male_middle=("JAN", "JÓZEF", "STANISŁAW", "ADAM"),
        female_middle=("MARIA", "ZOFIA", "ELŻBIETA"),
        middle_share=0.2,
        surnames=(
            "NOWAK", "KOWALSKI:KOWALSKA", "WIŚNIEWSKI:WIŚNIEWSKA", "WÓJCIK", "KOWALCZYK",
            "KAMIŃSKI:KAMIŃSKA", "LEWANDOWSKI:LEWANDOWSKA", "ZIELIŃSKI:ZIELIŃSKA",
            "SZYMAŃSKI:SZYMAŃSKA", "WOŹNIAK", "DĄBROWSKI:DĄBROWSKA", "KOZŁOWSKI:KOZŁOWSKA",
            "JANKOWSKI:JANKOWSKA", "MAZUR", "KRAWCZYK",
        ),
        clear_surnames=("PAWLAK", "SIKORA", "BARAN", "CZARNECKI:CZARNECKA", "GÓRSKI:GÓRSKA"),
    ),
)  # fmt: skip


#: Groups of spellings of one name across transliteration systems. Any member may be
#: written for any other.
SPELLING_GROUPS: tuple[tuple[str, ...], ...] = (
    # Arabic
    ("MUHAMMAD", "MOHAMMED", "MOHAMAD", "MUHAMMED", "MOHAMMAD", "MOHAMED"),
    ("AHMAD", "AHMED", "AHMET"),
    ("YUSUF", "YOUSSEF", "YOUSEF", "YOUSUF", "YUSOF"),
    ("HUSSEIN", "HUSSAIN", "HUSEIN", "HOSSEIN", "HUSAYN"),
    ("HASSAN", "HASAN"),
    ("OMAR", "UMAR", "OMER"),
    ("KHALID", "KHALED"),
    ("MAHMOUD", "MAHMUD"),
    ("IBRAHIM", "EBRAHIM", "IBRAGIM"),
    ("ABDULLAH", "ABDALLAH", "ABDULA"),
    ("TARIQ", "TAREK", "TARIK"),
    ("WALID", "WALEED"),
    ("KARIM", "KAREEM"),
    ("FAISAL", "FAYSAL", "FEISAL"),
    ("HAMZA", "HAMZAH"),
    ("MUSTAFA", "MOSTAFA", "MUSTAPHA"),
    ("SALEH", "SALIH"),
    ("JAMAL", "GAMAL", "DJAMAL"),
    ("FATIMA", "FATEMA", "FATMA", "FATIMAH"),
    ("AISHA", "AICHA", "AYESHA", "AISYAH"),
    ("ZAINAB", "ZEINAB", "ZAYNAB"),
    ("LAYLA", "LEILA", "LAILA"),
    ("NOUR", "NUR", "NOOR"),
    ("YASMIN", "YASMINE", "JASMIN"),
    ("AMINA", "AMINAH"),
    ("QASIM", "KASSEM", "QASSEM", "KASIM", "KASSIM"),
    ("JABER", "JABIR"),
    ("NASSER", "NASIR", "NASER"),
    ("MANSOUR", "MANSUR", "MANSOR"),
    ("KHOURY", "KHOURI", "KHURI"),
    ("HADDAD", "HADAD"),
    ("DARWISH", "DERVISH", "DARWEESH"),
    ("SULAIMAN", "SULEIMAN", "SULEYMAN"),
    ("OSMAN", "OTHMAN", "USMAN"),
    ("ZULKIFLI", "ZULKIFLY"),
    ("ZAKARIA", "ZAKARIYA", "ZAKARIYYA"),
    # Persian
    ("HOSSEINI", "HOSEINI", "HUSSAINI"),
    ("REZAEI", "REZAIE", "REZAI"),
    ("SAEED", "SAID", "SAEID"),
    ("SADEGHI", "SADEQI"),
    ("GHORBANI", "QORBANI"),
    ("MOUSAVI", "MUSAVI", "MOUSSAVI"),
    ("JAFARI", "JAFFARI", "JAAFARI"),
    ("MEHDI", "MAHDI"),
    ("MORTEZA", "MURTAZA"),
    ("MAJID", "MADJID", "MAJEED"),
    ("FATEMEH", "FATEME"),
    ("ZAHRA", "ZEHRA"),
    ("KAZEMI", "KAZIMI"),
    ("ESMAEILI", "ESMAILI", "ISMAILI"),
    ("DARIUSH", "DARIUS", "DARYOUSH"),
    # Turkish
    ("MEHMET", "MEHMED"),
    # Russian, Ukrainian, Belarusian
    ("ALEKSANDR", "ALEXANDER", "ALEXANDR", "ALEKSANDER", "OLEKSANDR"),
    ("SERGEY", "SERGEI", "SERHIY", "SERGIY"),
    ("DMITRIY", "DMITRY", "DMITRI", "DMYTRO"),
    ("ANDREY", "ANDREI", "ANDRIY"),
    ("ALEKSEY", "ALEXEI", "ALEKSEI", "ALEXEY"),
    ("MIKHAIL", "MYKHAILO", "MICHAIL", "MIHAIL"),
    ("YURIY", "YURI", "IURII", "YURIJ"),
    ("NIKOLAY", "NIKOLAI", "MYKOLA"),
    ("EVGENIY", "YEVGENIY", "EVGENY", "YEVHEN"),
    ("MAKSIM", "MAXIM"),
    ("ARTEM", "ARTYOM"),
    ("IGOR", "IHOR"),
    ("VIKTOR", "VICTOR"),
    ("OLEG", "OLEH"),
    ("VLADIMIR", "VOLODYMYR", "WLADIMIR"),
    ("PAVEL", "PAVLO"),
    ("YELENA", "ELENA", "JELENA", "OLENA"),
    ("NATALYA", "NATALIA", "NATALIYA", "NATALIIA"),
    ("TATYANA", "TATIANA", "TETIANA"),
    ("IRINA", "IRYNA"),
    ("YULIYA", "YULIA", "IULIIA", "YULIIA"),
    ("ANASTASIYA", "ANASTASIA"),
    ("EKATERINA", "YEKATERINA", "KATERYNA"),
    ("DARYA", "DARIA"),
    ("MARIA", "MARIYA", "MARIIA"),
    ("VASYL", "VASILY", "VASILIY"),
    ("BOHDAN", "BOGDAN"),
    ("HALYNA", "GALINA"),
    ("VASILYEV", "VASILIEV", "VASSILIEV"),
    ("VASILYEVA", "VASILIEVA", "VASSILIEVA"),
    ("MIKHAYLOV", "MIKHAILOV"),
    ("MIKHAYLOVA", "MIKHAILOVA"),
    ("FEDOROV", "FYODOROV"),
    ("FEDOROVA", "FYODOROVA"),
    ("SEMENOV", "SEMYONOV"),
    ("SEMENOVA", "SEMYONOVA"),
    ("EGOROV", "YEGOROV"),
    ("EGOROVA", "YEGOROVA"),
    ("KUZNETSOV", "KUZNETZOV"),
    ("KUZNETSOVA", "KUZNETZOVA"),
    ("MELNYK", "MELNIK"),
    ("OLIYNYK", "OLEINIK"),
    ("KOVALCHUK", "KOWALCHUK"),
    ("SHEVCHENKO", "SHEVTCHENKO"),
    ("LYSENKO", "LISENKO"),
    ("SERGEYEVICH", "SERGEEVICH"),
    ("NIKOLAYEVICH", "NIKOLAEVICH"),
    # Greek
    ("GEORGIOS", "GIORGOS", "YIORGOS"),
    ("DIMITRIOS", "DIMITRIS", "DEMETRIOS"),
    ("IOANNIS", "YIANNIS", "GIANNIS"),
    ("KONSTANTINOS", "CONSTANTINOS"),
    ("VASILEIOS", "VASILIOS", "VASSILIOS"),
    ("AIKATERINI", "EKATERINI"),
    ("NIKOLAOS", "NIKOLAS"),
    ("PANAGIOTIS", "PANAYIOTIS"),
    ("CHRISTOS", "HRISTOS"),
    ("SPYRIDON", "SPIRIDON"),
    ("KARAGIANNIS", "KARAYIANNIS"),
    ("KARAGIANNI", "KARAYIANNI"),
    ("EVANGELOS", "EVAGGELOS"),
    # Indian
    ("CHOWDHURY", "CHOUDHARY", "CHAUDHARY", "CHOUDHURY"),
    ("MUKHERJEE", "MUKHERJI", "MUKERJEE"),
    ("BANERJEE", "BANERJI"),
    ("LAKSHMI", "LAXMI"),
    ("AGARWAL", "AGGARWAL", "AGRAWAL"),
    ("KAPOOR", "KAPUR"),
    ("DEEPAK", "DIPAK"),
    ("POOJA", "PUJA"),
    ("REDDY", "REDDI"),
    # Nigerian
    ("ABDULLAHI", "ABDULAHI"),
    # German, Dutch
    ("MEYER", "MEIER", "MAYER", "MAIER", "MEIJER"),
    ("SCHMIDT", "SCHMITT", "SCHMID"),
    ("JANSEN", "JANSSEN"),
    ("HENDRIKS", "HENDRIKX"),
    ("DEKKER", "DECKER"),
    # French
    ("LEFÈVRE", "LEFEBVRE", "LEFEVRE"),
    # Chinese: pinyin and Wade-Giles or Cantonese romanisations
    ("ZHANG", "CHANG", "CHEUNG"),
    ("LI", "LEE"),
    ("WANG", "WONG"),
    ("CHEN", "CHAN"),
    ("ZHOU", "CHOW", "CHOU"),
    ("XU", "HSU"),
    ("LIU", "LAU"),
    ("ZHAO", "CHAO", "CHIU"),
    ("WU", "WOO"),
    ("GUO", "KUO", "KWOK"),
    ("LIN", "LIM"),
    ("HE", "HO"),
    ("GAO", "KAO"),
    ("ZHENG", "CHENG"),
    ("LIANG", "LEUNG"),
    ("XIE", "HSIEH"),
    ("TANG", "TONG"),
    ("LUO", "LO"),
    ("ZHU", "CHU"),
    ("HUANG", "HWANG"),
)

#: Spellings that may be written for a name but not the other way round (abbreviations).
ONE_WAY_SPELLINGS: dict[str, tuple[str, ...]] = {
    "MOHD": ("MOHAMAD", "MOHAMMAD", "MUHAMMAD"),
}

#: Particles that the generator may glue on or drop in a surname.
SURNAME_PARTICLES: tuple[str, ...] = (
    "AL-", "EL-", "AL ", "EL ", "BIN ", "BINTI ", "VAN DER ", "VAN DEN ", "VAN ", "DE LA ",
    "DE LOS ", "DEL ", "DE ", "VON ", "LE ",
)  # fmt: skip

#: Charges of Red notices and diffusions, in English, with the original wording used by
#: some requesting countries (INTERPOL gives ``charge`` and ``charge_translation``).
CHARGES: tuple[str, ...] = (
    "Murder",
    "Attempted murder",
    "Drug trafficking",
    "Fraud",
    "Money laundering",
    "Armed robbery",
    "Human trafficking",
    "Kidnapping",
    "Participation in a criminal organisation",
    "Financing of terrorism",
    "Smuggling of migrants",
    "Aggravated assault",
    "Embezzlement",
    "Illegal possession of firearms",
    "Forgery of travel documents",
    "Rape",
    "Computer fraud",
)

CHARGE_TRANSLATIONS: dict[str, dict[str, str]] = {
    "DEU": {
        "Murder": "Mord",
        "Fraud": "Betrug",
        "Money laundering": "Geldwäsche",
        "Drug trafficking": "Handeltreiben mit Betäubungsmitteln",
        "Armed robbery": "Schwerer Raub",
        "Embezzlement": "Untreue",
    },
    "FRA": {
        "Murder": "Meurtre",
        "Fraud": "Escroquerie",
        "Money laundering": "Blanchiment d'argent",
        "Drug trafficking": "Trafic de stupéfiants",
        "Armed robbery": "Vol à main armée",
        "Human trafficking": "Traite des êtres humains",
    },
    "ESP": {
        "Murder": "Homicidio",
        "Drug trafficking": "Tráfico de drogas",
        "Fraud": "Estafa",
        "Money laundering": "Blanqueo de capitales",
        "Kidnapping": "Secuestro",
    },
    "IDN": {
        "Fraud": "Penipuan",
        "Money laundering": "Tindak pidana pencucian uang",
        "Drug trafficking": "Peredaran gelap narkotika",
        "Embezzlement": "Penggelapan",
        "Murder": "Pembunuhan berencana",
    },
    "TUR": {
        "Murder": "Kasten öldürme",
        "Drug trafficking": "Uyuşturucu ticareti",
        "Fraud": "Nitelikli doland\u0131r\u0131c\u0131l\u0131k",
    },
}

//! The words the importer looks for, by language. Kept short on purpose: what is not
//! here is left to a person rather than guessed.

/// Verbs that attribute speech. Arabic and Hebrew ones also count with a conjunction
/// in front (و، ف، ו).
pub const SPEECH_VERBS: &[&str] = &[
    // Arabic
    "قال",
    "قالت",
    "أضاف",
    "أضافت",
    "أكد",
    "أكدت",
    "صرح",
    "صرحت",
    "أوضح",
    "أوضحت",
    "شدد",
    "شددت",
    "أشار",
    "أشارت",
    "اعتبر",
    "اعتبرت",
    "تابع",
    "تابعت",
    "ذكر",
    "ذكرت",
    "أعلن",
    "أعلنت",
    "لفت",
    "لفتت", // English
    "said",
    "says",
    "told",
    "added",
    "stated",
    "noted",
    "stressed", // Hebrew
    "אמר",
    "אמרה",
    "הוסיף",
    "הוסיפה",
    "ציין",
    "ציינה",
    "הדגיש",
    "הדגישה",
    "מסר",
    "מסרה",
    // Persian
    "گفت",
    "افزود",
];

/// Phrases that attribute speech to the name after them.
pub const ACCORDING_TO: &[&str] = &["according to", "وفقا ل", "بحسب", "לדברי", "به گفته"];

/// Conjunctions written as one letter joined to the next word.
pub const JOINED_CONJUNCTIONS: &[char] = &['و', 'ف', 'ו'];

/// Titles and roles that come before a person's name, longest first where one
/// contains another.
pub const TITLES: &[&str] = &[
    // Arabic
    "المفوض السامي",
    "المفوضة السامية",
    "رئيس الوزراء",
    "رئيسة الوزراء",
    "الأمين العام",
    "وزير الخارجية",
    "وزيرة الخارجية",
    "الوزير",
    "الوزيرة",
    "وزير",
    "وزيرة",
    "السفير",
    "السفيرة",
    "الرئيس",
    "الرئيسة",
    "المبعوث",
    "المبعوثة",
    "المتحدث باسم",
    "المتحدثة باسم",
    // English
    "Secretary-General",
    "High Commissioner",
    "Prime Minister",
    "Foreign Minister",
    "Minister",
    "President",
    "Ambassador",
    "Envoy",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman", // Hebrew
    "ראש הממשלה",
    "שר החוץ",
    "שרת החוץ",
    "השר",
    "השרה",
    "שר",
    "שרת",
    "הנשיא",
    "הנשיאה",
    "השגריר",
    "השגרירה",
    "מזכ\"ל",
    "הדובר",
    "הדוברת", // Persian
    "رئیس‌جمهور",
    "وزیر امور خارجه",
    "وزیر",
    "سفیر",
    "سخنگوی",
    "معاون",
];

/// Words that end a name: prepositions, relatives and the like.
pub const NAME_STOPS: &[&str] = &[
    // Arabic
    "إلى",
    "أن",
    "إن",
    "على",
    "خلال",
    "في",
    "عن",
    "من",
    "مع",
    "الذي",
    "التي",
    "بأن",
    "وذلك",
    "لدى",
    "أمام",
    "بعد",
    "قبل",
    "حيث",
    "كما", // English
    "said",
    "told",
    "added",
    "that",
    "on",
    "in",
    "at",
    "to",
    "of",
    "the",
    "and",
    "who",
    "as",
    // Hebrew
    "כי",
    "ש",
    "על",
    "אל",
    "עם",
    "ב",
    "אמר",
    "אמרה",
    "הוסיף",
    "הוסיפה",
    "היום",
    "אתמול",
    // Persian
    "گفت",
    "افزود",
    "که",
    "در",
    "به",
    "از",
    "با",
    "روز",
    "امروز",
];

/// Nouns that follow a speech verb without being a person.
pub const NOT_PEOPLE: &[&str] = &[
    "الطرفان",
    "الطرفين",
    "اللقاء",
    "الاجتماع",
    "البيان",
    "التقرير",
    "المصدر",
    "الجانبان",
    "المشاركون",
    "הודעה",
    "הדוח",
    "گزارش",
    "بیانیه",
];

/// Bodies briefings often name: every form counts as the same organization; the first
/// form found in the text is its name, the others found are aliases.
pub const ORGANIZATIONS: &[(&str, &[&str])] = &[
    (
        "ohchr",
        &[
            "المفوضية السامية للأمم المتحدة لحقوق الإنسان",
            "Office of the United Nations High Commissioner for Human Rights",
            "UN Human Rights Office",
            "المفوضية السامية",
            "OHCHR",
        ],
    ),
    (
        "un-hrc",
        &[
            "مجلس حقوق الإنسان",
            "Human Rights Council",
            "מועצת זכויות האדם",
            "شورای حقوق بشر",
        ],
    ),
    (
        "unsmil",
        &[
            "بعثة الأمم المتحدة للدعم في ليبيا",
            "United Nations Support Mission in Libya",
            "UNSMIL",
        ],
    ),
    (
        "un-security-council",
        &[
            "مجلس الأمن",
            "Security Council",
            "מועצת הביטחון",
            "شورای امنیت",
        ],
    ),
    ("unicef", &["اليونيسف", "UNICEF", "יוניסף", "یونیسف"]),
    (
        "unhcr",
        &[
            "المفوضية السامية للأمم المتحدة لشؤون اللاجئين",
            "UNHCR",
            "UN Refugee Agency",
        ],
    ),
    (
        "mofa",
        &[
            "وزارة الخارجية والتعاون الدولي",
            "Ministry of Foreign Affairs",
            "משרד החוץ",
            "وزارت امور خارجه",
            "وزارة الخارجية",
            "Foreign Ministry",
        ],
    ),
    (
        "ministry-of-energy",
        &[
            "وزارة الطاقة",
            "Ministry of Energy",
            "משרד האנרגיה",
            "وزارت نیرو",
        ],
    ),
    (
        "ministry-of-interior",
        &[
            "وزارة الداخلية",
            "Ministry of Interior",
            "משרד הפנים",
            "وزارت کشور",
        ],
    ),
    (
        "united-nations",
        &["الأمم المتحدة", "United Nations", "האו\"ם", "سازمان ملل"],
    ),
];

//! A place the opening of an article names: a dateline (`GENEVA —`, `جنيف - `) or «في مدينة X».

const CITY_OF: &[&str] = &["في مدينة ", "in the city of ", "בעיר ", "در شهر "];
const DATELINE_DASHES: &[&str] = &[" — ", " – ", " - ", "—", " -- "];
const DATELINE_MAX_WORDS: usize = 3;

fn dateline(first: &str) -> Option<String> {
    let (head, _) = DATELINE_DASHES
        .iter()
        .filter_map(|dash| first.split_once(dash))
        .min_by_key(|(head, _)| head.len())?;
    // "GENEVA, 15 March (Agency)": the place is what comes before the first comma or bracket.
    let place = head.split([',', '،', '(']).next()?.trim();
    let words = place.split_whitespace().count();
    let is_latin = place.chars().any(|c| c.is_ascii_alphabetic());
    let shouting = !is_latin || place.chars().all(|c| !c.is_lowercase());
    ((1..=DATELINE_MAX_WORDS).contains(&words) && shouting).then(|| place.to_owned())
}

fn city_of(first: &str) -> Option<String> {
    CITY_OF.iter().find_map(|phrase| {
        let (_, after) = first.split_once(phrase)?;
        let name: String = after
            .split(|c: char| !c.is_alphanumeric())
            .next()?
            .to_owned();
        (!name.is_empty()).then_some(name)
    })
}

/// The place the article's first paragraph is written from or about.
pub fn find(first: &str) -> Option<String> {
    dateline(first).or_else(|| city_of(first))
}
